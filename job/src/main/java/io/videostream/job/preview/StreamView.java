package io.videostream.job.preview;

import io.videostream.codec.Frame;
import io.videostream.job.operators.FrameRate;
import java.util.Locale;

/** The newest frame of one stream and its frame rate, shared between the sink and the viewers' threads. */
final class StreamView {
    private final FrameRate rate = new FrameRate();
    private byte[] jpeg;
    private long fno;
    private long frames;
    private double fps;

    synchronized void update(Frame frame) {
        jpeg = frame.jpeg();
        fno = frame.fno();
        frames++;
        fps = rate.arrived(System.nanoTime());
        notifyAll();
    }

    /** The newest frame and how many frames had arrived with it. */
    record Snapshot(long frames, byte[] jpeg) {}

    /** Waits up to {@code millis} for a frame after the first {@code seen}; returns the newest, or null. */
    synchronized Snapshot awaitNewer(long seen, long millis) throws InterruptedException {
        if (frames <= seen) {
            wait(millis);
        }
        return frames > seen ? new Snapshot(frames, jpeg) : null;
    }

    synchronized String json(String name) {
        return String.format(Locale.ROOT, "{\"name\":%s,\"fps\":%.1f,\"frames\":%d,\"fno\":%d}",
                PreviewServer.quote(name), fps, frames, fno);
    }
}
