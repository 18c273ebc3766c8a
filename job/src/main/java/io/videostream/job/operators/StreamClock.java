package io.videostream.job.operators;

import java.util.Arrays;

/**
 * One stream's clock as the receiver sees it: learns the offset between the stream's capture times
 * and the receiver's clock from each frame's lag (arrival minus capture, in ms), and places each
 * frame's capture time on the receiver's clock. Not thread-safe; one per stream.
 *
 * <p>The offset is the lower quartile of the lags of the last {@value #WINDOW} frames that agree with
 * it (within {@code tolerance}): transit jitter and a few odd frames do not move it. A frame that
 * disagrees does not move it either: one ahead of it is placed at about its arrival (it does not move
 * event time ahead), one behind it where the offset puts it (so it is late). Only when every frame
 * for {@value #RELEARN_MILLIS} ms (and at least {@value #RELEARN_FRAMES} frames) has disagreed with
 * the offset and agreed with one another is their offset adopted: a clock stepped by the camera.
 */
final class StreamClock {
    /** How many lags the offset is taken from. */
    static final int WINDOW = 16;
    /** How long every frame must agree on a new offset before it is adopted (receiver's clock). */
    static final long RELEARN_MILLIS = 1000;
    /** How many frames must agree on a new offset before it is adopted. */
    static final int RELEARN_FRAMES = 3;

    /** How a frame's capture time relates to its stream's clock. */
    enum Agreement {
        /** Within the tolerance of the learned offset. */
        ON_CLOCK,
        /** Captured later than the clock allows: placed at about its arrival, event time does not jump. */
        AHEAD,
        /** Captured earlier than the clock allows: placed on the clock, so it is late. */
        BEHIND,
        /** The first frame on a clock learned anew (after a step). */
        STEPPED
    }

    /** A frame's capture time on the receiver's clock (ms) and how it agreed with the stream's clock. */
    record Placement(long eventTime, Agreement agreement) {}

    private final long toleranceMillis;
    private Lags learned = new Lags();
    /** Lags of the frames that disagreed with {@link #learned} since the last that agreed, or null. */
    private Lags candidate;
    private long candidateSince;

    /** @param toleranceMillis how far a frame's lag may be from the offset and still agree with it */
    StreamClock(long toleranceMillis) {
        this.toleranceMillis = toleranceMillis;
    }

    /**
     * @param captureMillis the frame's capture time on its stream's clock, ms since the epoch
     *     (within +-2^62, as the wire format allows)
     * @param arrivalMillis when it arrived, on the receiver's clock
     */
    Placement place(long captureMillis, long arrivalMillis) {
        long lag = arrivalMillis - captureMillis;
        if (learned.isEmpty() || Math.abs(lag - learned.offset()) <= toleranceMillis) {
            learned.add(lag);
            candidate = null;
            return new Placement(captureMillis + learned.offset(), Agreement.ON_CLOCK);
        }
        if (candidate == null || Math.abs(lag - candidate.offset()) > toleranceMillis) {
            candidate = new Lags();
            candidateSince = arrivalMillis;
        }
        candidate.add(lag);
        if (arrivalMillis - candidateSince >= RELEARN_MILLIS && candidate.size() >= RELEARN_FRAMES) {
            learned = candidate;
            candidate = null;
            return new Placement(captureMillis + learned.offset(), Agreement.STEPPED);
        }
        return lag < learned.offset()
                ? new Placement(captureMillis + candidate.offset(), Agreement.AHEAD)
                : new Placement(captureMillis + learned.offset(), Agreement.BEHIND);
    }

    /** The learned offset (receiver's clock minus the stream's, ms), for log lines. */
    long offsetMillis() {
        return learned.offset();
    }

    /** The last {@value #WINDOW} lags and their lower quartile. */
    private static final class Lags {
        private final long[] lags = new long[WINDOW];
        private int size;
        private int next;
        private long quartile;

        void add(long lag) {
            lags[next] = lag;
            next = (next + 1) % WINDOW;
            size = Math.min(size + 1, WINDOW);
            long[] sorted = Arrays.copyOf(lags, size);
            Arrays.sort(sorted);
            quartile = sorted[size / 4];
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        long offset() {
            return quartile;
        }
    }
}
