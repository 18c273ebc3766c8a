package io.videostream.job.processors;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Grey scale, kept as three channels so every receiver shows it as it shows colour. */
final class Gray extends OpenCvProcessor {
    private final Mat gray = new Mat();

    @Override
    void apply(Mat in, Mat out) {
        Imgproc.cvtColor(in, gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.cvtColor(gray, out, Imgproc.COLOR_GRAY2BGR);
    }

    @Override
    public void close() {
        gray.release();
    }
}
