package io.videostream.job.operators;

/**
 * Frames per second over the last {@value #WINDOW} frames, as pystreaming's {@code dispfps} counts
 * them (by arrival). Not thread-safe: one per stream, used by one thread (or under a lock).
 */
public final class FrameRate {
    /** Frames the rate is averaged over. */
    public static final int WINDOW = 100;

    private final long[] arrivals = new long[WINDOW];
    private int count;
    private int next;

    /** Notes a frame that arrived at {@code nanos} (System.nanoTime) and returns the rate, 0 until two frames came. */
    public double arrived(long nanos) {
        arrivals[next] = nanos;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        return perSecond();
    }

    public double perSecond() {
        if (count < 2) {
            return 0;
        }
        long newest = arrivals[(next + WINDOW - 1) % WINDOW];
        long oldest = arrivals[count < WINDOW ? 0 : next];
        return newest == oldest ? 0 : (count - 1) / ((newest - oldest) / 1e9);
    }
}
