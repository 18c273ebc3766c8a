package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.opencv.OpenCvNative;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * pystreaming's {@code dispfps} with {@code write=True}: each stream's frame rate (over the last
 * {@value FrameRate#WINDOW} frames) written onto its frames. Decodes, draws and encodes in one step,
 * so the raw pixels never leave it.
 */
public class FpsOverlay extends CodecFunction implements MapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;
    private static final Scalar GREEN = new Scalar(0, 255, 0);

    private transient Map<String, FrameRate> rates;

    public FpsOverlay(JpegSettings codec) {
        super(codec);
    }

    @Override
    public void open(OpenContext context) {
        super.open(context);
        OpenCvNative.load();
        rates = new HashMap<>();
    }

    @Override
    public Frame map(Frame frame) {
        double fps = rates.computeIfAbsent(frame.stream(), stream -> new FrameRate()).arrived(System.nanoTime());
        Pixels pixels = decodeOrSkip(frame);
        if (pixels == null) {
            return frame; // as it came: counted, and the viewer shows what it can
        }
        Mat image = new Mat(pixels.height(), pixels.width(), CvType.CV_8UC3, pixels.buffer());
        try {
            double scale = Math.max(0.5, pixels.height() / 480.0);
            Imgproc.putText(image, String.format(Locale.ROOT, "FPS: %.2f", fps), new Point(10 * scale, 30 * scale),
                    Imgproc.FONT_HERSHEY_SIMPLEX, scale, GREEN, (int) Math.ceil(2 * scale));
        } finally {
            image.release();
        }
        return frame.withJpeg(codec.encode(pixels));
    }
}
