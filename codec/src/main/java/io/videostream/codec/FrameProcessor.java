package io.videostream.codec;

/**
 * What a worker does to each decoded frame (pystreaming's {@code decproc}): the built-in processors
 * and a user's own, which a worker loads by class name ({@code --processor class:com.example.Mine}
 * with {@code --processor-jar mine.jar}).
 *
 * <ul>
 *   <li><b>What it receives</b>: a {@link Frame} with raw pixels ({@link Frame#pixels()}: 3-channel
 *       BGR, row after row, {@code width * height * 3} bytes, as OpenCV's {@code Mat} of type
 *       {@code CV_8UC3}), its stream's name, frame number, capture time and the meta it came with.
 *   <li><b>What it returns</b>: the frame to encode and send on: the same one, one with new pixels
 *       ({@link Frame#withPixels}, any size, 1 or 3 channels), and/or with a meta
 *       ({@link Frame#withMeta}) that becomes the message's meta, which Python peers unpickle: plain
 *       values only (null, Boolean, Long, Double, String, byte[], List, Map with String or Long keys).
 *       Run with {@code --result-only}, the worker sends the original JPEG with the returned meta.
 *   <li><b>What it may keep</b>: the pixels belong to the decoder, which reuses them for the next
 *       frame: read (or copy, {@link Pixels#copy()}) them during the call, never keep them. The pixels
 *       it returns only need to stay valid until its next call (the encoder, chained, runs in between).
 *       Anything else it keeps (a model, buffers, counts) is its own.
 *   <li><b>Threading and life</b>: one instance per parallel worker instance, created on the
 *       TaskManager with its public constructor without arguments, called from one thread only,
 *       frame after frame, and {@link #close() closed} when the job ends or fails.
 * </ul>
 */
public interface FrameProcessor extends AutoCloseable {
    /** Processes a frame with raw BGR pixels; returns a frame with raw pixels (or the JPEG it came with). */
    Frame process(Frame frame);

    /** Releases what the processor holds (native memory, models); by default nothing. */
    @Override
    default void close() {}
}
