package com.example.processor;

import io.videostream.codec.Frame;
import io.videostream.codec.FrameProcessor;
import io.videostream.codec.Pixels;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A processor of one's own: the share of a frame's pixels whose every channel is above 200, put into
 * its meta as {@code {"bright_share": 0.0 to 1.0, "pixels": width * height}}; the picture goes on
 * unchanged.
 */
public final class BrightShare implements FrameProcessor {
    private static final int BRIGHT = 200;

    @Override
    public Frame process(Frame frame) {
        Pixels pixels = frame.pixels(); // the decoder's: read now, never keep
        ByteBuffer data = pixels.buffer();
        int channels = pixels.channels();
        long count = (long) pixels.width() * pixels.height();
        long bright = 0;
        for (long pixel = 0; pixel < count; pixel++) {
            boolean all = true;
            for (int c = 0; c < channels; c++) {
                all &= (data.get() & 0xff) > BRIGHT;
            }
            bright += all ? 1 : 0;
        }
        return frame.withMeta(Map.of("bright_share", bright / (double) count, "pixels", count));
    }
}
