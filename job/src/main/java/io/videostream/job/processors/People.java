package io.videostream.job.processors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.HOGDescriptor;

/**
 * OpenCV's built-in HOG people detector: a green box drawn around each person found, and the boxes
 * sent as meta, {@code {"people": [[x, y, width, height], ...]}}.
 */
final class People extends OpenCvProcessor {
    private static final Scalar GREEN = new Scalar(0, 255, 0);

    private final HOGDescriptor hog = new HOGDescriptor();
    private final MatOfRect found = new MatOfRect();
    private final MatOfDouble weights = new MatOfDouble();
    private List<List<Long>> boxes = List.of();

    People() {
        hog.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
    }

    @Override
    void apply(Mat in, Mat out) {
        in.copyTo(out);
        hog.detectMultiScale(in, found, weights);
        List<List<Long>> detected = new ArrayList<>();
        for (Rect box : found.toArray()) {
            Imgproc.rectangle(out, box, GREEN, 2);
            detected.add(List.of((long) box.x, (long) box.y, (long) box.width, (long) box.height));
        }
        boxes = detected;
    }

    @Override
    Object meta(Object incoming) {
        return Map.of("people", boxes);
    }

    @Override
    public void close() {
        found.release();
        weights.release();
    }
}
