package io.videostream.connector.zeromq.source.enumerator;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Spreads the endpoints over the readers: endpoint i belongs to reader i mod parallelism, so a
 * restarted reader gets its endpoints back. Once a reader has all of its endpoints it is told there
 * are no more, so it finishes when they all reach end of stream (or at once if it has none). A reader
 * that saw the end of an endpoint's stream tells it, and it tells the other readers, also those that
 * register later (restarted), as long as the enumerator lives: see {@link StreamEndedEvent}.
 */
@Internal
public final class ZmqSplitEnumerator implements SplitEnumerator<ZmqSplit, Set<ZmqSplit>> {
    private final SplitEnumeratorContext<ZmqSplit> context;
    private final List<ZmqSplit> allSplits;
    private final Set<ZmqSplit> pending;
    private final Set<ZmqEndpoint> endedStreams = new LinkedHashSet<>();

    /**
     * @param allSplits every endpoint of the source, in configuration order
     * @param pending the endpoints not yet given to a reader
     */
    public ZmqSplitEnumerator(SplitEnumeratorContext<ZmqSplit> context, List<ZmqSplit> allSplits, Set<ZmqSplit> pending) {
        this.context = context;
        this.allSplits = List.copyOf(allSplits);
        this.pending = new LinkedHashSet<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<ZmqSplit> splits, int subtaskId) {
        pending.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            assignTo(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignTo(subtaskId);
        for (ZmqEndpoint endpoint : endedStreams) {
            context.sendEventToSourceReader(subtaskId, new StreamEndedEvent(endpoint));
        }
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (!(event instanceof StreamEndedEvent ended) || !endedStreams.add(ended.endpoint())) {
            return;
        }
        for (int reader : context.registeredReaders().keySet()) {
            if (reader != subtaskId) {
                context.sendEventToSourceReader(reader, event);
            }
        }
    }

    private void assignTo(int reader) {
        List<ZmqSplit> mine = new ArrayList<>();
        for (ZmqSplit split : pending) {
            if (Math.floorMod(allSplits.indexOf(split), context.currentParallelism()) == reader) {
                mine.add(split);
            }
        }
        if (!mine.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(Map.of(reader, mine)));
            mine.forEach(pending::remove);
        }
        context.signalNoMoreSplits(reader);
    }

    @Override
    public Set<ZmqSplit> snapshotState(long checkpointId) {
        return new LinkedHashSet<>(pending);
    }

    @Override
    public void close() {}
}
