package io.videostream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Frames missing from a stream, counted from gaps in its frame numbers. */
class FrameGapsTest {
    /** The missing frames counted over a sequence of frame numbers. */
    private static long missing(long... fnos) {
        FrameGaps gaps = new FrameGaps();
        return Arrays.stream(fnos).map(gaps::next).sum();
    }

    @Test
    void consecutiveNumbersMissNothingWhereverTheStreamStarts() {
        assertThat(missing(0, 1, 2, 3)).isZero();
        assertThat(missing(500, 501, 502)).as("a receiver that joins a running stream").isZero();
    }

    @Test
    void aGapCountsTheNumbersSkipped() {
        assertThat(missing(0, 1, 5, 6)).isEqualTo(3);
        assertThat(missing(0, 2, 3, 10)).isEqualTo(7);
    }

    @Test
    void aRepeatedOrOlderNumberIsNoGapAndTheNextIsCountedFromTheNewest() {
        assertThat(missing(0, 1, 2, 2, 1, 3)).isZero();
        assertThat(missing(0, 4, 2, 5)).as("1, 2 and 3 missing when 4 came; 2 coming late changes nothing").isEqualTo(3);
    }

    @Test
    void controlNumbersAreNoFrames() {
        assertThat(missing(0, 1, -2, -3, 2, -1)).isZero();
        assertThat(missing(-1, 7, 8)).isZero();
    }
}
