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
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * pystreaming's {@code buffer}, with event time. Per stream (the key) it holds frames and lets them
 * go in capture order ({@code ftime}, then {@code fno}) once the watermark has passed them, and no
 * frame waits longer than {@code bufferlen} of wall-clock time after it arrived, so a stream that
 * goes quiet (no watermark comes) still flushes. A frame at or before what has already left is late:
 * it goes to {@link #LATE} and is counted ({@code lateFrames}). Holds JPEG frames (what arrives over
 * {@code keyBy}), never raw ones.
 */
public class ReorderFrames extends KeyedProcessFunction<String, Frame, Frame> {
    private static final long serialVersionUID = 1L;

    /** Frames that arrived after frames captured later had already left. */
    public static final OutputTag<Frame> LATE = new OutputTag<>("late-frames", FrameTypeInfo.INSTANCE);

    private static final Comparator<Frame> CAPTURE_ORDER =
            Comparator.comparingDouble(Frame::ftime).thenComparingLong(Frame::fno);

    private final long bufferMillis;
    /** The frames held, each with its arrival (processing time, ms). */
    private transient ListState<Tuple2<Long, Frame>> held;
    private transient ValueState<Long> releasedUpTo;
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
                Types.TUPLE(Types.LONG, FrameTypeInfo.INSTANCE)));
        releasedUpTo = getRuntimeContext().getState(new ValueStateDescriptor<>("released-up-to", Types.LONG));
        lateFrames = getRuntimeContext().getMetricGroup().counter("lateFrames");
        getRuntimeContext().getMetricGroup().gauge("reorderBufferSize", () -> heldFrames);
    }

    @Override
    public void processElement(Frame frame, Context ctx, Collector<Frame> out) throws Exception {
        long time = frame.eventTimeMillis();
        Long released = releasedUpTo.value();
        if (time <= ctx.timerService().currentWatermark() || (released != null && time <= released)) {
            lateFrames.inc();
            ctx.output(LATE, frame);
            return;
        }
        long arrival = ctx.timerService().currentProcessingTime();
        held.add(Tuple2.of(arrival, frame));
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
     * Lets go, in capture order, every held frame captured at or before {@code capturedUpTo}, every
     * frame that arrived at or before {@code arrivedUpTo}, and every frame captured before one of those.
     */
    private void release(long capturedUpTo, long arrivedUpTo, Collector<Frame> out) throws Exception {
        long upTo = capturedUpTo;
        List<Tuple2<Long, Frame>> all = new ArrayList<>();
        for (Tuple2<Long, Frame> entry : held.get()) {
            all.add(entry);
            if (entry.f0 <= arrivedUpTo) {
                upTo = Math.max(upTo, entry.f1.eventTimeMillis());
            }
        }
        List<Frame> ready = new ArrayList<>();
        List<Tuple2<Long, Frame>> keep = new ArrayList<>();
        for (Tuple2<Long, Frame> entry : all) {
            if (entry.f1.eventTimeMillis() <= upTo) {
                ready.add(entry.f1);
            } else {
                keep.add(entry);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        ready.sort(CAPTURE_ORDER);
        ready.forEach(out::collect);
        held.update(keep);
        heldFrames -= ready.size();
        Long released = releasedUpTo.value();
        releasedUpTo.update(released == null ? upTo : Math.max(released, upTo));
    }
}
