package io.videostream.job.clock;

import io.videostream.job.operators.ThrottledWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks for its lanes (usually one) when their frames are due, the earliest frame first, each with the
 * time it was due as its capture time. How far behind its schedule a tick left is the gauge
 * {@code behindScheduleMs}; an unbounded clock more than {@value #WARN_BEHIND_MILLIS} ms behind says so
 * in the log.
 */
final class FrameClockReader implements SourceReader<Tuple2<Long, Double>, ClockLane> {
    private static final Logger LOG = LoggerFactory.getLogger(FrameClockReader.class);
    static final long WARN_BEHIND_MILLIS = 1000;

    private final double fps;
    private final long frames;
    private final ThrottledWarning behindLog = new ThrottledWarning(LOG);
    private volatile long behindMillis;
    private final List<ClockLane> lanes = new ArrayList<>();
    private boolean noMoreLanes;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    FrameClockReader(double fps, long frames, SourceReaderContext context) {
        this.fps = fps;
        this.frames = frames;
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
        double due = next.dueSeconds(fps);
        long wait = (long) Math.ceil(due * 1000) - System.currentTimeMillis();
        if (wait > 0) {
            available = new CompletableFuture<Void>().completeOnTimeout(null, wait, TimeUnit.MILLISECONDS);
            return InputStatus.NOTHING_AVAILABLE;
        }
        behindMillis = -wait;
        if (-wait > WARN_BEHIND_MILLIS && frames == Long.MAX_VALUE) {
            behindLog.warn("The frame clock is {} ms behind its {} fps schedule at frame {}: what follows it does not "
                    + "keep up, and since frames keep their scheduled capture times, their latency grows; lower --fps "
                    + "or raise --parallelism", -wait, fps, next.nextFno());
        }
        output.collect(Tuple2.of(next.nextFno(), due));
        lanes.set(earliest, next.ticked());
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<ClockLane> splits) {
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
