package com.example.brightness;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Our own operator: decodes each frame and puts its mean brightness (0 to 255, over every channel of
 * every pixel, to one decimal) into its meta as {@code {"brightness": value}}; the JPEG goes on as it came.
 */
public final class Brightness extends RichMapFunction<Frame, Frame> {
    /** Native state and buffers: one codec per operator instance, never shared between threads. */
    private transient JpegCodec codec;

    @Override
    public void open(OpenContext context) {
        codec = JpegCodecs.create();
    }

    @Override
    public Frame map(Frame frame) {
        Pixels pixels = codec.decode(frame.jpeg()); // valid until the next decode: read it now
        ByteBuffer data = pixels.buffer();
        long sum = 0;
        while (data.hasRemaining()) {
            sum += data.get() & 0xff;
        }
        double mean = (double) sum / pixels.size();
        return frame.withMeta(Map.of("brightness", Math.round(mean * 10) / 10.0));
    }

    @Override
    public void close() {
        if (codec != null) {
            codec.close();
        }
    }
}
