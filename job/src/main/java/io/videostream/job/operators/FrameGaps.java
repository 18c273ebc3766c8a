package io.videostream.job.operators;

/**
 * Frames missing from one stream, seen as gaps in its frame numbers: a streamer numbers a stream's
 * frames consecutively, so a frame numbered more than one past the newest so far means the numbers
 * between were lost (an outage, a drop, a late frame left out). The first frame starts the count
 * wherever the stream stands; a repeated or older number is no gap; control numbers (negative:
 * STOPSTREAM and the like) are no frames.
 */
public final class FrameGaps {
    private long newest = -1;

    /** Takes the next frame number; returns how many numbers were skipped before it. */
    public long next(long fno) {
        if (fno < 0) {
            return 0;
        }
        long missing = newest >= 0 && fno > newest ? fno - newest - 1 : 0;
        newest = Math.max(newest, fno);
        return missing;
    }
}
