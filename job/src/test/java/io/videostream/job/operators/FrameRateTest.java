package io.videostream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Frames per second over the last 100 frames. */
class FrameRateTest {
    private static final long MS = 1_000_000;

    @Test
    void noRateUntilTwoFramesCame() {
        FrameRate rate = new FrameRate();
        assertThat(rate.perSecond()).isZero();
        assertThat(rate.arrived(0)).isZero();
        assertThat(rate.arrived(40 * MS)).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void theRateCoversOnlyTheLastHundredFrames() {
        FrameRate rate = new FrameRate();
        long now = 0;
        for (int i = 0; i < 150; i++) { // 150 frames at 10 fps
            rate.arrived(now += 100 * MS);
        }
        assertThat(rate.perSecond()).isCloseTo(10.0, within(1e-9));
        for (int i = 0; i < 100; i++) { // then 100 at 50 fps: the slow ones are out of the window
            rate.arrived(now += 20 * MS);
        }
        assertThat(rate.perSecond()).isCloseTo(50.0, within(1e-9));
    }
}
