package io.videostream.job.processors;

import io.videostream.codec.Frame;

/**
 * What a worker does to each decoded frame (pystreaming's {@code decproc}). One instance per parallel
 * operator instance, used from one thread. The frame it returns, and its pixels, only need to stay
 * valid until the next call: the encoder right after it is chained.
 */
public interface FrameProcessor extends AutoCloseable {
    /** Processes a frame with raw BGR pixels; returns a frame with raw pixels (or the JPEG it came with). */
    Frame process(Frame frame);

    @Override
    default void close() {}
}
