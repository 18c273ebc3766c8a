package io.videostream.job.clock;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture times a reader's lanes may give: segments at one frame rate, each from its first frame
 * on, fixed by the {@link FrameClockEnumerator} up to a frame. A segment that follows another is
 * later than it would have been (the clock slipped): capture times rise with frame numbers.
 */
final class ClockSchedule {
    /** The part of a schedule from {@code baseFno} on: frame f is due at {@code startMillis + (f - baseFno) / fps}. */
    record Segment(long startMillis, long baseFno) implements Serializable {}

    private final double fps;
    private final List<Segment> segments = new ArrayList<>();
    private long fixedUpTo;

    ClockSchedule(double fps, Segment first, long fixedUpTo) {
        this.fps = fps;
        segments.add(first);
        this.fixedUpTo = fixedUpTo;
    }

    /** The first frame whose capture time is not fixed yet. */
    long fixedUpTo() {
        return fixedUpTo;
    }

    boolean isFixed(long fno) {
        return fno < fixedUpTo;
    }

    /** When frame {@code fno} (fixed, at or after the frames forgotten) is due: its capture time, seconds since the epoch. */
    double dueSeconds(long fno) {
        Segment due = segments.get(0);
        for (int i = 1; i < segments.size() && segments.get(i).baseFno() <= fno; i++) {
            due = segments.get(i);
        }
        return due.startMillis() / 1000.0 + (fno - due.baseFno()) / fps;
    }

    /** Fixed up to {@code newFixedUpTo}, on a new segment from its base on if there is one. */
    void extend(long newFixedUpTo, Segment slipped) {
        if (slipped != null) {
            segments.add(slipped);
        }
        fixedUpTo = Math.max(fixedUpTo, newFixedUpTo);
    }

    /** Forgets the segments that end before frame {@code fno}: no lane will tick for them again. */
    void forgetBefore(long fno) {
        while (segments.size() > 1 && segments.get(1).baseFno() <= fno) {
            segments.remove(0);
        }
    }
}
