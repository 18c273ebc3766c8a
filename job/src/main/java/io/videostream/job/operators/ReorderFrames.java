package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.serialization.FrameTypeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * pystreaming's {@code buffer}, with event time. Per stream (the key) it holds frames and lets them
 * go in capture order (the record's event time, which {@link CaptureTimes} gave it, then {@code fno})
 * once the watermark has passed them, and no frame waits longer than {@code bufferlen} of wall-clock
 * time after it arrived, so a stream that goes quiet (no watermark comes) still flushes. A frame at
 * or before the last that left, in that order, is late: it goes to {@link #LATE} and is counted
 * ({@code lateFrames}). Holds JPEG frames (what arrives over {@code keyBy}), never raw ones.
 */
public class ReorderFrames extends KeyedProcessFunction<String, Frame, Frame> {
    private static final long serialVersionUID = 1L;

    /** Frames that arrived after frames captured later had already left. */
    public static final OutputTag<Frame> LATE = new OutputTag<>("late-frames", FrameTypeInfo.INSTANCE);

    /** Held frames in capture order: event time, then frame number. */
    private static final Comparator<Tuple3<Long, Long, Frame>> CAPTURE_ORDER =
            Comparator.<Tuple3<Long, Long, Frame>>comparingLong(held -> held.f1).thenComparingLong(held -> held.f2.fno());

    private final long bufferMillis;
    /** The frames held: (arrival in processing time, event time, frame), all in ms. */
    private transient ListState<Tuple3<Long, Long, Frame>> held;
    /** (event time, frame number) of the last frame that left. */
    private transient ValueState<Tuple2<Long, Long>> lastReleased;
    private transient Counter lateFrames;
    private transient long heldFrames;

    /** @param bufferMillis pystreaming's {@code bufferlen}, in milliseconds */
    public ReorderFrames(long bufferMillis) {
        if (bufferMillis < 0) {
            throw new IllegalArgumentException("bufferlen must not be negative: " + bufferMillis + " ms");
        }
        this.bufferMillis = bufferMillis;
    }

    @Override
    public void open(OpenContext context) {
        held = getRuntimeContext().getListState(new ListStateDescriptor<>("held",
                Types.TUPLE(Types.LONG, Types.LONG, FrameTypeInfo.INSTANCE)));
        lastReleased = getRuntimeContext().getState(new ValueStateDescriptor<>("last-released",
                Types.TUPLE(Types.LONG, Types.LONG)));
        lateFrames = getRuntimeContext().getMetricGroup().counter("lateFrames");
        getRuntimeContext().getMetricGroup().gauge("reorderBufferSize", () -> heldFrames);
    }

    @Override
    public void processElement(Frame frame, Context ctx, Collector<Frame> out) throws Exception {
        Long time = ctx.timestamp();
        if (time == null) {
            throw new IllegalStateException("frame " + frame.fno() + " of " + frame.stream()
                    + " has no event time: assign it where frames enter the job (CaptureTimes)");
        }
        Tuple2<Long, Long> last = lastReleased.value();
        if (last != null && (time < last.f0 || (time == (long) last.f0 && frame.fno() <= last.f1))) {
            lateFrames.inc();
            ctx.output(LATE, frame);
            return;
        }
        long arrival = ctx.timerService().currentProcessingTime();
        held.add(Tuple3.of(arrival, time, frame));
        heldFrames++;
        ctx.timerService().registerEventTimeTimer(time);
        ctx.timerService().registerProcessingTimeTimer(arrival + bufferMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Frame> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            release(timestamp, Long.MIN_VALUE, out);
        } else {
            release(Long.MIN_VALUE, timestamp - bufferMillis, out);
        }
    }

    /**
     * Lets go, in capture order, every held frame of event time at or before {@code timeUpTo}, every
     * frame that arrived at or before {@code arrivedUpTo}, and every frame of an event time up to one of those.
     */
    private void release(long timeUpTo, long arrivedUpTo, Collector<Frame> out) throws Exception {
        long upTo = timeUpTo;
        List<Tuple3<Long, Long, Frame>> all = new ArrayList<>();
        for (Tuple3<Long, Long, Frame> entry : held.get()) {
            all.add(entry);
            if (entry.f0 <= arrivedUpTo) {
                upTo = Math.max(upTo, entry.f1);
            }
        }
        List<Tuple3<Long, Long, Frame>> ready = new ArrayList<>();
        List<Tuple3<Long, Long, Frame>> keep = new ArrayList<>();
        for (Tuple3<Long, Long, Frame> entry : all) {
            (entry.f1 <= upTo ? ready : keep).add(entry);
        }
        if (ready.isEmpty()) {
            return;
        }
        ready.sort(CAPTURE_ORDER);
        ready.forEach(entry -> out.collect(entry.f2));
        held.update(keep);
        heldFrames -= ready.size();
        Tuple3<Long, Long, Frame> last = ready.get(ready.size() - 1);
        lastReleased.update(Tuple2.of(last.f1, last.f2.fno()));
    }
}
