package io.videostream.job.operators;

import io.videostream.codec.Frame;
import org.apache.flink.configuration.Configuration;

/**
 * Decodes JPEG frames to raw BGR pixels; raw frames pass through. The pixels live in a buffer the
 * codec reuses for the next frame, so the operators after this one must be chained to it and be done
 * with a frame when they return (process, encode, measure) — which also keeps raw pixels off the
 * network.
 */
public class DecodeFrames extends CodecMapFunction {
    private static final long serialVersionUID = 1L;

    public DecodeFrames(Configuration codecConfig) {
        super(codecConfig);
    }

    @Override
    public Frame map(Frame frame) {
        return frame.isEncoded() ? frame.withPixels(codec.decode(frame.jpeg())) : frame;
    }
}
