package io.videostream.job.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Gives input i to reader i mod parallelism when that reader registers (again, after a restart, with
 * the inputs it gave back), then tells it there are no more.
 */
final class VideoSplitEnumerator implements SplitEnumerator<VideoSplit, List<VideoSplit>> {
    private final SplitEnumeratorContext<VideoSplit> context;
    private final List<VideoSplit> pending;

    VideoSplitEnumerator(SplitEnumeratorContext<VideoSplit> context, List<VideoSplit> pending) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<VideoSplit> splits, int subtaskId) {
        pending.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            addReader(subtaskId); // it registered again before its inputs came back
        }
    }

    @Override
    public void addReader(int subtaskId) {
        List<VideoSplit> mine = pending.stream()
                .filter(split -> split.index() % context.currentParallelism() == subtaskId).toList();
        if (!mine.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(Map.of(subtaskId, mine)));
            pending.removeAll(mine);
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public List<VideoSplit> snapshotState(long checkpointId) {
        return List.copyOf(pending);
    }

    @Override
    public void close() {}
}
