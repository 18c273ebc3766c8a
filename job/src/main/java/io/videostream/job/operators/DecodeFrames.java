package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegSettings;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes JPEG frames to raw BGR pixels; raw frames pass through, frames that cannot be decoded are
 * counted and left out. The pixels live in a buffer the codec reuses for the next frame, so the
 * operators after this one must be chained to it and be done with a frame when they return
 * (process, encode, measure), which also keeps raw pixels off the network.
 */
public class DecodeFrames extends CodecFunction implements FlatMapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;

    public DecodeFrames(JpegSettings codec) {
        super(codec);
    }

    @Override
    public void flatMap(Frame frame, Collector<Frame> out) {
        if (!frame.isEncoded()) {
            out.collect(frame);
            return;
        }
        Pixels pixels = decodeOrSkip(frame);
        if (pixels != null) {
            out.collect(frame.withPixels(pixels));
        }
    }
}
