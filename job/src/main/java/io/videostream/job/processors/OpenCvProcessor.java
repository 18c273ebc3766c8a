package io.videostream.job.processors;

import io.videostream.codec.Frame;
import io.videostream.codec.FrameProcessor;
import io.videostream.codec.Pixels;
import io.videostream.codec.opencv.OpenCvNative;
import java.nio.ByteBuffer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A processor that turns a BGR image into another BGR image of the same size with OpenCV. The input
 * Mat wraps the frame's pixels and the output Mat wraps a buffer this processor reuses: no copies.
 */
abstract class OpenCvProcessor implements FrameProcessor {
    private ByteBuffer output = ByteBuffer.allocateDirect(0);

    OpenCvProcessor() {
        OpenCvNative.load();
    }

    /** Writes the processed image into {@code out} (8-bit BGR, the size of {@code in}). */
    abstract void apply(Mat in, Mat out);

    /** The meta the processed frame carries: the incoming one, unless the processor has results to send. */
    Object meta(Object incoming) {
        return incoming;
    }

    @Override
    public Frame process(Frame frame) {
        Pixels pixels = frame.pixels();
        if (pixels.channels() != 3) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " takes BGR frames, not " + pixels);
        }
        if (output.capacity() < pixels.size()) {
            output = ByteBuffer.allocateDirect(pixels.size());
        }
        Mat in = wrap(pixels);
        Mat out = new Mat(pixels.height(), pixels.width(), CvType.CV_8UC3, output);
        try {
            apply(in, out);
        } finally {
            in.release();
            out.release();
        }
        return frame.withPixels(new Pixels(pixels.width(), pixels.height(), 3, output.duplicate().clear()))
                .withMeta(meta(frame.meta()));
    }

    /** A Mat over a frame's BGR pixels, without copying them; the caller releases it. */
    static Mat wrap(Pixels pixels) {
        return new Mat(pixels.height(), pixels.width(), CvType.CV_8UC3, directBuffer(pixels));
    }

    /** The decoders give direct buffers; a copy is made only for pixels from the heap (tests, tools). */
    private static ByteBuffer directBuffer(Pixels pixels) {
        ByteBuffer buffer = pixels.buffer();
        if (buffer.isDirect()) {
            return buffer;
        }
        return ByteBuffer.allocateDirect(pixels.size()).put(buffer).flip();
    }
}
