package io.videostream.job.clock;

import io.videostream.job.operators.ThrottledWarning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands lane i to reader i mod parallelism, all lanes at once when all their readers are up (again,
 * after a restart, with the lanes they gave back), with one start for their schedule, at the first of
 * their next frames: {@value #START_DELAY_MILLIS} ms from now, time for the lanes to get their
 * assignment (in a fresh JVM a lane took ~40 ms, and its first frames were late by that much).
 *
 * <p>Then fixes the schedule a block of frames ({@link FrameClock#blockFrames}) at a time, when a
 * reader's lanes near the end of what is fixed: if that reader's last tick was more than {@value
 * #SLIP_MILLIS} ms behind its time, what follows slips by as much (counted in ms as {@code
 * clockSlipMs}, and logged once {@value #WARN_SLIPPED_MILLIS} ms have slipped in all): a pipeline
 * that cannot take frames as fast as the frame rate asks, as a camera whose frames are taken late,
 * captures them when they are taken, not ever further in the past.
 */
final class FrameClockEnumerator implements SplitEnumerator<ClockLane, List<ClockLane>> {
    static final long START_DELAY_MILLIS = 100;
    static final long SLIP_MILLIS = 10;
    /** Slips of a slow start (the JIT, first frames) are no news; a second of them is. */
    static final long WARN_SLIPPED_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(FrameClockEnumerator.class);

    private final SplitEnumeratorContext<ClockLane> context;
    private final double fps;
    private final List<ClockLane> pending;
    private final Counter slipMillis;
    private final ThrottledWarning slipLog = new ThrottledWarning(LOG);
    /** The last segment of the schedule, and the first frame it does not fix yet (null: no lanes out). */
    private ClockSchedule.Segment segment;
    /** The readers of the lanes out, which learn each extension of the schedule. */
    private Set<Integer> laneReaders = Set.of();
    private long fixedUpTo;
    private long blockFrames;

    FrameClockEnumerator(SplitEnumeratorContext<ClockLane> context, List<ClockLane> pending, double fps) {
        this.context = context;
        this.fps = fps;
        this.pending = new ArrayList<>(pending);
        this.slipMillis = context.metricGroup().counter("clockSlipMs");
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<ClockLane> lanes, int subtaskId) {
        segment = null; // no schedule until the lanes go out again, on a new one
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
        segment = new ClockSchedule.Segment(start, base);
        blockFrames = FrameClock.blockFrames(fps, pending.get(0).lanes());
        fixedUpTo = FrameClock.firstFixedUpTo(base, blockFrames);
        Map<Integer, List<ClockLane>> assignment = new HashMap<>();
        for (ClockLane lane : pending) {
            assignment.computeIfAbsent(owner(lane), reader -> new ArrayList<>()).add(lane.startingAt(start, base));
        }
        pending.clear();
        laneReaders = Set.copyOf(assignment.keySet());
        context.assignSplits(new SplitsAssignment<>(assignment));
        assignment.keySet().forEach(context::signalNoMoreSplits);
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (!(event instanceof ScheduleRequest request) || segment == null || request.fixedUpTo() != fixedUpTo) {
            return; // asked already by another reader, or of a schedule before a restart
        }
        ClockSchedule.Segment slipped = null;
        if (request.behindMillis() > SLIP_MILLIS) {
            long onTime = segment.startMillis() + Math.round((fixedUpTo - segment.baseFno()) * 1000 / fps);
            slipped = new ClockSchedule.Segment(onTime + request.behindMillis(), fixedUpTo);
            segment = slipped;
            slipMillis.inc(request.behindMillis());
            if (slipMillis.getCount() >= WARN_SLIPPED_MILLIS) {
                slipLog.warn("The frame clock has slipped {} ms in all by frame {}: what follows it does not take "
                        + "frames as fast as {} fps, so they are captured as it takes them (lower --fps or raise "
                        + "--parallelism to keep the rate)", slipMillis.getCount(), fixedUpTo, fps);
            }
        }
        fixedUpTo += blockFrames;
        ScheduleExtension extension = new ScheduleExtension(fixedUpTo, slipped);
        laneReaders.forEach(reader -> context.sendEventToSourceReader(reader, extension));
    }

    @Override
    public List<ClockLane> snapshotState(long checkpointId) {
        return List.copyOf(pending);
    }

    @Override
    public void close() {}
}
