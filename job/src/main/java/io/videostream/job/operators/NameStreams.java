package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.formats.StreamMeta;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A worker's results of several streams: each frame's stream name goes into its meta
 * ({@code {"stream": NAME, ...}}, {@link StreamMeta}), so that the receiver they all reach through one
 * socket separates them again.
 */
public final class NameStreams implements MapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;

    @Override
    public Frame map(Frame frame) {
        return frame.withMeta(StreamMeta.withStream(frame.meta(), frame.stream()));
    }
}
