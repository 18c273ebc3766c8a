package io.videostream.job.clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Hands lane i to reader i mod parallelism, all lanes at once when all their readers are up (again,
 * after a restart, with the lanes they gave back), with one start for their schedule, at the first of
 * their next frames: {@value #START_DELAY_MILLIS} ms from now, time for the lanes to get their
 * assignment (in a fresh JVM a lane took ~40 ms, and its first frames were late by that much).
 */
final class FrameClockEnumerator implements SplitEnumerator<ClockLane, List<ClockLane>> {
    static final long START_DELAY_MILLIS = 100;

    private final SplitEnumeratorContext<ClockLane> context;
    private final List<ClockLane> pending;

    FrameClockEnumerator(SplitEnumeratorContext<ClockLane> context, List<ClockLane> pending) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<ClockLane> lanes, int subtaskId) {
        pending.addAll(lanes);
        startWhenAllAreUp();
    }

    @Override
    public void addReader(int subtaskId) {
        if (pending.stream().noneMatch(lane -> owner(lane) == subtaskId)) {
            context.signalNoMoreSplits(subtaskId); // more readers than lanes
        }
        startWhenAllAreUp();
    }

    private int owner(ClockLane lane) {
        return lane.lane() % context.currentParallelism();
    }

    private void startWhenAllAreUp() {
        if (pending.isEmpty() || !pending.stream().allMatch(lane -> context.registeredReaders().containsKey(owner(lane)))) {
            return;
        }
        long start = System.currentTimeMillis() + START_DELAY_MILLIS;
        long base = pending.stream().mapToLong(ClockLane::nextFno).min().orElseThrow();
        Map<Integer, List<ClockLane>> assignment = new HashMap<>();
        for (ClockLane lane : pending) {
            assignment.computeIfAbsent(owner(lane), reader -> new ArrayList<>()).add(lane.startingAt(start, base));
        }
        pending.clear();
        context.assignSplits(new SplitsAssignment<>(assignment));
        assignment.keySet().forEach(context::signalNoMoreSplits);
    }

    @Override
    public List<ClockLane> snapshotState(long checkpointId) {
        return List.copyOf(pending);
    }

    @Override
    public void close() {}
}
