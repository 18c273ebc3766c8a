package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import org.apache.flink.api.common.functions.MapFunction;

/** JPEG-encodes raw frames; encoded frames pass through. */
public class EncodeFrames extends CodecFunction implements MapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;

    public EncodeFrames(JpegSettings codec) {
        super(codec);
    }

    @Override
    public Frame map(Frame frame) {
        return frame.isEncoded() ? frame : frame.withJpeg(codec.encode(frame.pixels()));
    }
}
