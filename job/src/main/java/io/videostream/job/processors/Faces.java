package io.videostream.job.processors;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Faces found by an OpenCV Haar cascade (a model file): blue boxes, and meta
 * {@code {"faces": [[x, y, width, height], ...]}}. {@code faces} uses Debian's
 * {@value #DEBIAN_CASCADE} (package opencv-data); {@code faces:PATH} another cascade.
 */
final class Faces extends BoxDetector {
    static final String DEBIAN_CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

    private final CascadeClassifier cascade;
    private final Mat gray = new Mat();
    private final MatOfRect found = new MatOfRect();

    Faces(String model) {
        super("faces", new Scalar(255, 0, 0));
        Path file = Path.of(model == null ? DEBIAN_CASCADE : model);
        checkModel(file);
        cascade = new CascadeClassifier(file.toString());
        if (cascade.empty()) {
            throw new IllegalArgumentException("the faces processor cannot load " + file + " as a Haar cascade");
        }
    }

    /** Fails with what to do when the cascade file is not there. */
    static void checkModel(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("the faces processor needs a Haar cascade file, and " + file
                    + " is missing: install Debian's opencv-data, or give one as --processor faces:PATH");
        }
    }

    @Override
    Rect[] detect(Mat in) {
        Imgproc.cvtColor(in, gray, Imgproc.COLOR_BGR2GRAY);
        cascade.detectMultiScale(gray, found);
        return found.toArray();
    }

    @Override
    public void close() {
        gray.release();
        found.release();
    }
}
