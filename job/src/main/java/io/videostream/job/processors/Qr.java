package io.videostream.job.processors;

import io.videostream.codec.Frame;
import io.videostream.codec.FrameProcessor;
import io.videostream.codec.opencv.OpenCvNative;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.objdetect.QRCodeDetector;

/**
 * OpenCV's built-in QR code detector: the frame as it is, with the decoded text as meta,
 * {@code {"qr": "text"}} ({@code ""} when there is no readable code).
 */
final class Qr implements FrameProcessor {
    private final QRCodeDetector detector;

    Qr() {
        OpenCvNative.load();
        detector = new QRCodeDetector();
    }

    @Override
    public Frame process(Frame frame) {
        Mat image = OpenCvProcessor.wrap(frame.pixels());
        try {
            return frame.withMeta(Map.of("qr", detector.detectAndDecode(image)));
        } finally {
            image.release();
        }
    }
}
