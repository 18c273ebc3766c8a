package io.videostream.job.processors;

import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.objdetect.HOGDescriptor;

/** OpenCV's built-in HOG people detector: green boxes, and meta {@code {"people": [[x, y, w, h], ...]}}. */
final class People extends BoxDetector {
    private final HOGDescriptor hog = new HOGDescriptor();
    private final MatOfRect found = new MatOfRect();
    private final MatOfDouble weights = new MatOfDouble();

    People() {
        super("people", new Scalar(0, 255, 0));
        hog.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
    }

    @Override
    Rect[] detect(Mat in) {
        hog.detectMultiScale(in, found, weights);
        return found.toArray();
    }

    @Override
    public void close() {
        found.release();
        weights.release();
    }
}
