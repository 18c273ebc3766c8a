package io.videostream.job.processors;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Canny edges (thresholds 100 and 200) as white lines on black. */
final class Edges extends OpenCvProcessor {
    private final Mat gray = new Mat();
    private final Mat edges = new Mat();

    @Override
    void apply(Mat in, Mat out) {
        Imgproc.cvtColor(in, gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.Canny(gray, edges, 100, 200);
        Imgproc.cvtColor(edges, out, Imgproc.COLOR_GRAY2BGR);
    }

    @Override
    public void close() {
        gray.release();
        edges.release();
    }
}
