package io.videostream.job.processors;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** A 15x15 Gaussian blur. */
final class Blur extends OpenCvProcessor {
    private static final Size KERNEL = new Size(15, 15);

    @Override
    void apply(Mat in, Mat out) {
        Imgproc.GaussianBlur(in, out, KERNEL, 0);
    }
}
