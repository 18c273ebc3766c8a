package io.videostream.job.operators;

/**
 * One stream's clock as the receiver sees it: learns the offset between the stream's capture times
 * and the receiver's clock from a frame's lag (arrival minus capture, in ms), and places each frame's
 * capture time on the receiver's clock. Not thread-safe; one per stream, in one place.
 *
 * <p>The offset is the first frame's lag, and it stays while frames agree with it (within
 * {@code tolerance}): moving it would re-order the frames around the move, so transit jitter and slow
 * first frames do not move it. A frame that disagrees does not move it either: one ahead of it is
 * placed at about its arrival (it does not move event time ahead), one behind it where the offset
 * puts it (so it is late). Only when every frame for {@value #RELEARN_MILLIS} ms (and at least
 * {@value #RELEARN_FRAMES} frames) has disagreed with the offset and agreed with the first of them is
 * that frame's lag adopted: a clock stepped by the camera.
 *
 * <p>Frames placed by one lag keep their capture order among themselves; a frame placed by another
 * lag than the frame before (ahead of the offset, back on it, or on a clock learned anew) is never
 * placed before the frames placed until then, only frames behind the clock are (they are late).
 * Otherwise, when the first frames came late (a backlog as a receiver starts), the frames after them,
 * with shorter lags, would be placed among the first ones.
 */
final class StreamClock {
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
    /** Receiver's clock minus the stream's, ms; null before the first frame. */
    private Long offset;
    /** The lag of the first frame that disagreed with {@link #offset} since the last that agreed, or null. */
    private Long candidate;
    private long candidateSince;
    private int candidateFrames;
    /** The lag by which the last frame was placed. */
    private long placedBy;
    /** The latest event time given to a frame of this stream, and the one before {@link #placedBy} was taken. */
    private long latestPlacement = Long.MIN_VALUE;
    private long floor = Long.MIN_VALUE;

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
        Placement placement = placeByLag(captureMillis, arrivalMillis);
        if (placement.agreement() == Agreement.BEHIND) {
            return placement;
        }
        long lag = placement.eventTime() - captureMillis;
        if (lag != placedBy) {
            placedBy = lag;
            floor = latestPlacement;
        }
        if (placement.eventTime() <= floor) {
            placement = new Placement(floor + 1, placement.agreement());
        }
        latestPlacement = Math.max(latestPlacement, placement.eventTime());
        return placement;
    }

    private Placement placeByLag(long captureMillis, long arrivalMillis) {
        long lag = arrivalMillis - captureMillis;
        if (offset == null || Math.abs(lag - offset) <= toleranceMillis) {
            offset = offset == null ? lag : offset;
            candidate = null;
            return new Placement(captureMillis + offset, Agreement.ON_CLOCK);
        }
        if (candidate == null || Math.abs(lag - candidate) > toleranceMillis) {
            candidate = lag;
            candidateSince = arrivalMillis;
            candidateFrames = 0;
        }
        candidateFrames++;
        if (arrivalMillis - candidateSince >= RELEARN_MILLIS && candidateFrames >= RELEARN_FRAMES) {
            offset = candidate;
            candidate = null;
            return new Placement(captureMillis + offset, Agreement.STEPPED);
        }
        return lag < offset
                ? new Placement(captureMillis + candidate, Agreement.AHEAD)
                : new Placement(captureMillis + offset, Agreement.BEHIND);
    }

    /** The learned offset (receiver's clock minus the stream's, ms), for log lines. */
    long offsetMillis() {
        return offset;
    }
}
