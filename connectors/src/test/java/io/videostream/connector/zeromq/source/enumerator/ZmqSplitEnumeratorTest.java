package io.videostream.connector.zeromq.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.internal.ZmqSourceConfig;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

class ZmqSplitEnumeratorTest {
    /** Five endpoints, split i on port 5550 + i. */
    private static final List<ZmqSplit> SPLITS = IntStream.range(0, 5)
            .mapToObj(i -> new ZmqSplit(ZmqEndpoint.connect("tcp://127.0.0.1:" + (5550 + i))))
            .toList();

    private final TestingSplitEnumeratorContext<ZmqSplit> context = new TestingSplitEnumeratorContext<>(2);
    private final ZmqSplitEnumerator enumerator = new ZmqSplitEnumerator(context, SPLITS, new LinkedHashSet<>(SPLITS));

    private void register(int reader) {
        context.registerReader(reader, "localhost");
        enumerator.addReader(reader);
    }

    private List<ZmqSplit> assignedTo(int reader) {
        return context.getSplitAssignments().get(reader).getAssignedSplits();
    }

    @Test
    void endpointIGoesToReaderIModParallelismThenNoMoreSplits() {
        register(1);
        assertThat(assignedTo(1)).containsExactly(SPLITS.get(1), SPLITS.get(3));
        assertThat(context.getSplitAssignments().get(1).hasReceivedNoMoreSplitsSignal()).isTrue();
        assertThat(enumerator.snapshotState(1)).containsExactly(SPLITS.get(0), SPLITS.get(2), SPLITS.get(4));

        register(0);
        assertThat(assignedTo(0)).containsExactly(SPLITS.get(0), SPLITS.get(2), SPLITS.get(4));
        assertThat(enumerator.snapshotState(2)).isEmpty();
    }

    @Test
    void theReadersSharingAnEndpointAreDifferentReaders() {
        ZmqEndpoint distributor = ZmqEndpoint.connect("tcp://127.0.0.1:5555");
        List<ZmqSplit> shares = ZmqSourceConfig.of(ZmqSourcePattern.REQ, List.of(distributor), "none",
                new Configuration().set(ZmqOptions.READERS_PER_ENDPOINT, 4), null).splits();
        TestingSplitEnumeratorContext<ZmqSplit> four = new TestingSplitEnumeratorContext<>(4);
        ZmqSplitEnumerator sharing = new ZmqSplitEnumerator(four, shares, new LinkedHashSet<>(shares));
        for (int reader = 0; reader < 4; reader++) {
            four.registerReader(reader, "localhost");
            sharing.addReader(reader);
            assertThat(four.getSplitAssignments().get(reader).getAssignedSplits())
                    .containsExactly(new ZmqSplit(distributor, reader));
        }
    }

    @Test
    void aFailedReaderGetsItsEndpointsBackWhenItReturns() {
        register(0);
        register(1);
        context.registeredReaders().remove(1); // the reader failed: Flink unregisters it, then hands its splits back

        enumerator.addSplitsBack(List.of(SPLITS.get(1), SPLITS.get(3)), 1);
        assertThat(enumerator.snapshotState(3)).containsExactly(SPLITS.get(1), SPLITS.get(3));
        assertThat(assignedTo(1)).as("nothing for a reader that is gone").hasSize(2);

        register(1);
        // The context lists every assignment: the first one, then the same endpoints again.
        assertThat(assignedTo(1)).containsExactly(SPLITS.get(1), SPLITS.get(3), SPLITS.get(1), SPLITS.get(3));
        assertThat(assignedTo(0)).containsExactly(SPLITS.get(0), SPLITS.get(2), SPLITS.get(4));
        assertThat(enumerator.snapshotState(4)).isEmpty();
    }

    @Test
    void splitsHandedBackToALiveReaderAreAssignedAtOnce() {
        register(0);
        enumerator.addSplitsBack(List.of(SPLITS.get(2)), 0);
        assertThat(assignedTo(0)).containsExactly(SPLITS.get(0), SPLITS.get(2), SPLITS.get(4), SPLITS.get(2));
        assertThat(enumerator.snapshotState(5)).containsExactly(SPLITS.get(1), SPLITS.get(3));
    }

    @Test
    void aRestoredEnumeratorAssignsOnlyWhatWasPending() {
        ZmqSplitEnumerator restored = new ZmqSplitEnumerator(context, SPLITS, new LinkedHashSet<>(List.of(SPLITS.get(3))));
        context.registerReader(1, "localhost");
        restored.addReader(1);
        assertThat(assignedTo(1)).containsExactly(SPLITS.get(3));
    }

    @Test
    void theEndOfAStreamOneReaderSawGoesToTheOthersOnceAndToReadersThatComeBack() {
        register(0);
        register(1);
        ZmqEndpoint endpoint = SPLITS.get(1).endpoint();
        enumerator.handleSourceEvent(1, new StreamEndedEvent(endpoint));
        enumerator.handleSourceEvent(0, new StreamEndedEvent(endpoint)); // reader 0 saw it too: nobody learns more
        assertThat(toldTo(0)).containsExactly(endpoint);
        assertThat(toldTo(1)).as("the reader that saw it").isEmpty();

        context.registeredReaders().remove(1); // reader 1 failed and comes back
        register(1);
        assertThat(toldTo(1)).containsExactly(endpoint);
    }

    private List<ZmqEndpoint> toldTo(int reader) {
        return context.getSentEvents().getOrDefault(reader, List.of()).stream()
                .map(event -> ((StreamEndedEvent) event).endpoint())
                .toList();
    }
}
