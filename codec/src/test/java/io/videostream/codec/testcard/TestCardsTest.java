package io.videostream.codec.testcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Pixels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TestCardsTest {

    @ParameterizedTest
    @EnumSource(TestCard.class)
    void everyCardHasItsSizeInBgr(TestCard card) {
        Pixels frame = TestCards.frame(card, false, 0);
        assertThat(frame.width()).isEqualTo(card.width());
        assertThat(frame.height()).isEqualTo(card.height());
        assertThat(frame.channels()).isEqualTo(3);
        assertThat(card.width() * 9).isIn(card.height() * 16, card.height() * 12);
    }

    @Test
    void colourBarsShowTheClassicColours() {
        Pixels bars = TestCards.frame(TestCard.TEST_S, false, 0);
        int y = bars.height() / 2;
        // bar centres: white, yellow, cyan, green, magenta, red, blue (BGR in memory)
        int[][] expectedBgr = {{191, 191, 191}, {0, 191, 191}, {191, 191, 0}, {0, 191, 0}, {191, 0, 191},
            {0, 0, 191}, {191, 0, 0}};
        for (int bar = 0; bar < 7; bar++) {
            int x = (2 * bar + 1) * bars.width() / 14;
            assertThat(bgrAt(bars, x, y)).as("bar %d", bar).containsExactly(expectedBgr[bar]);
        }
    }

    @Test
    void theImageIsDetailedLikeAPhotoNotFlat() {
        Pixels image = TestCards.frame(TestCard.IMAG_S, false, 0);
        byte[] bytes = image.toByteArray();
        Set<Integer> colours = new HashSet<>();
        long gradient = 0;
        for (int i = 0; i + 5 < bytes.length; i += 3) {
            colours.add(((bytes[i] & 0xff) << 16) | ((bytes[i + 1] & 0xff) << 8) | (bytes[i + 2] & 0xff));
            gradient += Math.abs((bytes[i + 4] & 0xff) - (bytes[i + 1] & 0xff));
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(5_000);
        assertThat(gradient / (double) (bytes.length / 3)).as("mean horizontal change of green").isGreaterThan(3.0);
    }

    @Test
    void renderingIsDeterministicAndShared() {
        Pixels first = TestCards.frame(TestCard.IMAG_S, true, 7);
        assertThat(TestCards.frame(TestCard.IMAG_S, true, 7)).isSameAs(first);
        assertThat(TestCardRenderer.bgr(TestCardRenderer.render(TestCard.IMAG_S)))
                .isEqualTo(TestCards.frame(TestCard.IMAG_S, false, 0).toByteArray());
    }

    @Test
    void animatedCardsTurnThreeDegreesAFrameAndComeBackAfter120() {
        Pixels start = TestCards.frame(TestCard.TEST_S, true, 0);
        Pixels next = TestCards.frame(TestCard.TEST_S, true, 1);
        assertThat(next).isNotEqualTo(start);
        assertThat(TestCards.frame(TestCard.TEST_S, true, 120)).isSameAs(start);
        assertThat(TestCards.frame(TestCard.TEST_S, false, 1)).isSameAs(start);
        Pixels quarter = TestCards.frame(TestCard.TEST_S, true, 30);
        int cx = start.width() / 2;
        int cy = start.height() / 2;
        assertThat(bgrAt(quarter, cx, cy)).as("the centre stays").containsExactly(bgrAt(start, cx, cy));
        assertThat(bgrAt(quarter, 5, 5)).as("corners turn black").containsExactly(0, 0, 0);
    }

    @Test
    void concurrentCallersGetTheSameFrames() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Pixels> task = () -> TestCards.frame(TestCard.TEST_M, true, 45);
            List<Future<Pixels>> results = pool.invokeAll(List.of(task, task, task, task));
            Pixels first = results.get(0).get();
            for (Future<Pixels> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownNamesAreRejectedWithTheChoices() {
        assertThat(TestCard.parse("imag_m")).isEqualTo(TestCard.IMAG_M);
        assertThatThrownBy(() -> TestCard.parse("TEST_XL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEST_XL")
                .hasMessageContaining("IMAG_L");
    }

    private static int[] bgrAt(Pixels pixels, int x, int y) {
        int i = (y * pixels.width() + x) * 3;
        var buffer = pixels.buffer();
        return new int[] {buffer.get(i) & 0xff, buffer.get(i + 1) & 0xff, buffer.get(i + 2) & 0xff};
    }
}
