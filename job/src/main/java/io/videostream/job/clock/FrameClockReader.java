package io.videostream.job.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.io.InputStatus;

/**
 * Ticks for its lanes (usually one) when their frames are due, the earliest frame first, each with the
 * time it was due as its capture time, on the schedule the enumerator fixes ahead of them: when a lane
 * ticks in the last half of the block fixed last, the reader asks for the next, saying how far behind
 * its time that tick was. How far behind is also the gauge {@code behindScheduleMs}.
 */
final class FrameClockReader implements SourceReader<Tuple2<Long, Double>, ClockLane> {
    private final double fps;
    private final long frames;
    private final SourceReaderContext context;
    private volatile long behindMillis;
    private final List<ClockLane> lanes = new ArrayList<>();
    private ClockSchedule schedule;
    private long blockFrames;
    /** The end of the schedule this reader asked the enumerator to fix more after (-1: none yet). */
    private long askedAfter = -1;
    private boolean noMoreLanes;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    FrameClockReader(double fps, long frames, SourceReaderContext context) {
        this.fps = fps;
        this.frames = frames;
        this.context = context;
        context.metricGroup().gauge("behindScheduleMs", () -> behindMillis);
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<Tuple2<Long, Double>> output) {
        if (lanes.isEmpty()) {
            if (noMoreLanes) {
                return InputStatus.END_OF_INPUT;
            }
            if (available.isDone()) {
                available = new CompletableFuture<>(); // completed by the next lanes, or by the end of them
            }
            return InputStatus.NOTHING_AVAILABLE;
        }
        int earliest = 0; // the lane of the earliest frame: a loop, not a stream, once per tick
        for (int i = 1; i < lanes.size(); i++) {
            if (lanes.get(i).nextFno() < lanes.get(earliest).nextFno()) {
                earliest = i;
            }
        }
        ClockLane next = lanes.get(earliest);
        if (next.nextFno() >= frames) {
            lanes.remove(earliest);
            return InputStatus.MORE_AVAILABLE;
        }
        schedule.forgetBefore(next.nextFno());
        if (!schedule.isFixed(next.nextFno())) {
            askForMore(); // not asked yet only if the last block had no tick of this reader's lanes
            available = new CompletableFuture<>(); // completed by the enumerator's answer
            return InputStatus.NOTHING_AVAILABLE;
        }
        double due = schedule.dueSeconds(next.nextFno());
        long wait = (long) Math.ceil(due * 1000) - System.currentTimeMillis();
        if (wait > 0) {
            available = new CompletableFuture<Void>().completeOnTimeout(null, wait, TimeUnit.MILLISECONDS);
            return InputStatus.NOTHING_AVAILABLE;
        }
        behindMillis = -wait;
        if (next.nextFno() >= schedule.fixedUpTo() - blockFrames / 2) {
            askForMore();
        }
        output.collect(Tuple2.of(next.nextFno(), due));
        lanes.set(earliest, next.ticked());
        return InputStatus.MORE_AVAILABLE;
    }

    /** Asks the enumerator to fix more of the schedule, once per end of it. */
    private void askForMore() {
        if (askedAfter != schedule.fixedUpTo()) {
            askedAfter = schedule.fixedUpTo();
            context.sendSourceEventToCoordinator(new ScheduleRequest(schedule.fixedUpTo(), behindMillis));
        }
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof ScheduleExtension extension && schedule != null) {
            schedule.extend(extension.fixedUpTo(), extension.slipped());
            available.complete(null);
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<ClockLane> splits) {
        if (schedule == null && !splits.isEmpty()) {
            ClockLane first = splits.get(0);
            blockFrames = FrameClock.blockFrames(fps, first.lanes());
            schedule = new ClockSchedule(fps, new ClockSchedule.Segment(first.startMillis(), first.baseFno()),
                    FrameClock.firstFixedUpTo(first.baseFno(), blockFrames));
        }
        lanes.addAll(splits);
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreLanes = true;
        available.complete(null);
    }

    @Override
    public List<ClockLane> snapshotState(long checkpointId) {
        return List.copyOf(lanes);
    }

    @Override
    public void close() {}
}
