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
 * pystreaming's {@code buffer}, with event time, that does not hold a frame it need not hold. Per
 * stream (the key), a frame that is the next of its stream (its frame number follows the one of the
 * last frame that left, and no held frame comes before it) leaves at once, and so do the held frames
 * that follow it one by one. Only a gap waits: the other frames are held and go in capture order (the
 * record's event time, which {@link CaptureTimes} gave it, then {@code fno}) once the watermark has
 * passed them, and no frame waits longer than {@code bufferlen} of wall-clock time after it arrived,
 * so a lost frame delays the stream by {@code bufferlen} at most and a stream that goes quiet still
 * flushes. A stream's first frame waits too (nothing says what comes before it), unless it is frame 0,
 * the first a streamer sends. A frame at or before
 * the last that left, in that order, is late: it goes to {@link #LATE} and is counted
 * ({@code lateFrames}). Holds JPEG frames (what arrives over {@code keyBy}), never raw ones. Run it as
 * {@link ReorderOperator}, which lets go what is held when the input ends.
 */
public class ReorderFrames extends KeyedProcessFunction<String, Frame, Frame> {
    private static final long serialVersionUID = 1L;

    /** Frames that arrived after frames captured later had already left. */
    public static final OutputTag<Frame> LATE = new OutputTag<>("late-frames", FrameTypeInfo.INSTANCE);

    /** The name of the state of held frames. */
    static final String HELD = "held";

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
        held = getRuntimeContext().getListState(new ListStateDescriptor<>(HELD,
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
        boolean next = last == null ? frame.fno() == 0 : frame.fno() == last.f1 + 1;
        if (next && !heldBefore(time, frame.fno())) {
            out.collect(frame);
            lastReleased.update(Tuple2.of(time, frame.fno()));
            releaseFollowers(out);
            return;
        }
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

    /** The input has ended: lets go, in capture order, every frame of the current stream still held. */
    void releaseAll(Collector<Frame> out) throws Exception {
        release(Long.MAX_VALUE, Long.MAX_VALUE, out);
    }

    /** Whether a held frame comes before (time, fno) in capture order. */
    private boolean heldBefore(long time, long fno) throws Exception {
        for (Tuple3<Long, Long, Frame> entry : held.get()) {
            if (entry.f1 < time || (entry.f1 == time && entry.f2.fno() < fno)) {
                return true;
            }
        }
        return false;
    }

    /** Lets go the held frames that follow the last that left one by one (the gap before them is filled). */
    private void releaseFollowers(Collector<Frame> out) throws Exception {
        Iterable<Tuple3<Long, Long, Frame>> heldNow = held.get();
        if (!heldNow.iterator().hasNext()) {
            return; // in-order frames: nothing held, nothing to copy
        }
        List<Tuple3<Long, Long, Frame>> waiting = new ArrayList<>();
        heldNow.forEach(waiting::add);
        waiting.sort(CAPTURE_ORDER);
        Tuple2<Long, Long> last = lastReleased.value();
        int released = 0;
        for (Tuple3<Long, Long, Frame> entry : waiting) {
            if (entry.f2.fno() != last.f1 + 1) {
                break;
            }
            out.collect(entry.f2);
            last = Tuple2.of(entry.f1, entry.f2.fno());
            released++;
        }
        if (released > 0) {
            held.update(waiting.subList(released, waiting.size()));
            heldFrames -= released;
            lastReleased.update(last);
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
        releaseFollowers(out);
    }
}
