package io.videostream.connector.zeromq.internal.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.TextSchema;
import io.videostream.connector.zeromq.common.FlowControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

class BoundedQueueTest {
    private final SimpleCounter dropped = new SimpleCounter();

    private static String text(List<byte[]> message) {
        return message == null ? null : new String(message.get(0), StandardCharsets.UTF_8);
    }

    @Test
    void dropOldestMakesRoomAndCountsEveryDrop() throws InterruptedException {
        BoundedQueue queue = new BoundedQueue(2, FlowControl.DROP_OLDEST, dropped);
        for (String m : List.of("a", "b", "c", "d")) {
            assertThat(queue.put(TextSchema.message(m), () -> true)).isTrue();
        }
        assertThat(queue.size()).isEqualTo(2);
        assertThat(dropped.getCount()).isEqualTo(2);
        assertThat(text(queue.pollOldest())).isEqualTo("c");
        assertThat(text(queue.pollOldest())).isEqualTo("d");
        assertThat(queue.pollOldest()).isNull();
    }

    @Test
    void blockWaitsForRoomAndDropsNothing() throws InterruptedException {
        BoundedQueue queue = new BoundedQueue(1, FlowControl.BLOCK, dropped);
        queue.put(TextSchema.message("a"), () -> true);
        // While the writer waits, the socket thread takes the oldest message (here: when asked the third time).
        AtomicInteger asked = new AtomicInteger();
        boolean queued = queue.put(TextSchema.message("b"), () -> {
            if (asked.incrementAndGet() == 3) {
                assertThat(text(queue.pollOldest())).isEqualTo("a");
            }
            return true;
        });
        assertThat(queued).isTrue();
        assertThat(asked.get()).as("it waited until there was room").isEqualTo(3);
        assertThat(text(queue.pollOldest())).isEqualTo("b");
        assertThat(dropped.getCount()).isZero();
    }

    @Test
    void blockGivesUpWhenToldToStopWaiting() throws InterruptedException {
        BoundedQueue queue = new BoundedQueue(1, FlowControl.BLOCK, dropped);
        queue.put(TextSchema.message("a"), () -> true);
        assertThat(queue.put(TextSchema.message("b"), () -> false)).isFalse();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(text(queue.pollOldest())).isEqualTo("a");
        assertThat(dropped.getCount()).isZero();
    }

    @Test
    void aLiveDistributorAnswersWithTheNewestAndPutsBackWhatItCouldNotHandOut() throws InterruptedException {
        BoundedQueue queue = new BoundedQueue(3, FlowControl.DROP_OLDEST, dropped);
        queue.put(TextSchema.message("a"), () -> true);
        queue.put(TextSchema.message("b"), () -> true);
        List<byte[]> newest = queue.pollForRequest();
        assertThat(text(newest)).isEqualTo("b");
        queue.putBack(newest); // its worker was gone
        assertThat(text(queue.pollForRequest())).isEqualTo("b");
        assertThat(text(queue.pollForRequest())).isEqualTo("a");
        assertThat(queue.pollForRequest()).isNull();
    }

    @Test
    void aDistributorThatDropsNothingAnswersWithTheOldestSoNoneWaitsUnderNewerOnes() throws InterruptedException {
        BoundedQueue queue = new BoundedQueue(3, FlowControl.BLOCK, dropped);
        for (String m : List.of("a", "b", "c")) {
            queue.put(TextSchema.message(m), () -> true);
        }
        // Frames keep coming as fast as they are taken: each answer makes room for the next one.
        List<String> answered = new ArrayList<>();
        for (String m : List.of("d", "e", "f")) {
            List<byte[]> oldest = queue.pollForRequest();
            answered.add(text(oldest));
            queue.put(TextSchema.message(m), () -> true);
        }
        List<byte[]> next = queue.pollForRequest();
        queue.putBack(next); // its worker was gone
        while ((next = queue.pollForRequest()) != null) {
            answered.add(text(next));
        }
        assertThat(answered).containsExactly("a", "b", "c", "d", "e", "f");
    }
}
