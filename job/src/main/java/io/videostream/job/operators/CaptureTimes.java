package io.videostream.job.operators;

import io.videostream.codec.Frame;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event time for frames where they enter a job: each frame's capture time ({@code ftime}) placed on
 * the receiver's clock by its stream's {@link StreamClock}, so streams from hosts whose clocks differ
 * by hours re-order with {@code bufferlen} of delay, and a frame far ahead of its stream's clock does
 * not move event time. Per stream (metric group {@code stream=<name>} of the operator that assigns):
 * {@code futureFrames}, frames ahead of their clock (given about their arrival time), and
 * {@code clockSteps}, offsets learned anew. The frame itself, {@code ftime} included, is unchanged.
 */
public final class CaptureTimes implements TimestampAssignerSupplier<Frame> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CaptureTimes.class);
    /** The least tolerance: clocks are never compared more finely than transit jitter allows. */
    static final long MIN_TOLERANCE_MILLIS = 100;

    private final long toleranceMillis;

    /**
     * @param bufferMillis pystreaming's {@code bufferlen}: a frame ahead of its clock by more than that
     *     (or {@value #MIN_TOLERANCE_MILLIS} ms) would make frames late, and is placed at its arrival
     */
    public CaptureTimes(long bufferMillis) {
        this.toleranceMillis = Math.max(bufferMillis, MIN_TOLERANCE_MILLIS);
    }

    /** How far a frame's lag may be from its stream's offset and still agree with it. */
    long toleranceMillis() {
        return toleranceMillis;
    }

    @Override
    public TimestampAssigner<Frame> createTimestampAssigner(Context context) {
        return new Assigner(toleranceMillis, System::currentTimeMillis, context.getMetricGroup());
    }

    /** Places frames by the clock it is given (the receiver's, or a test's). */
    static final class Assigner implements TimestampAssigner<Frame> {
        private final long toleranceMillis;
        private final LongSupplier receiverClock;
        private final MetricGroup metrics;
        private final Map<String, Stream> streams = new HashMap<>();
        private final ThrottledWarning futureLog = new ThrottledWarning(LOG);
        private final ThrottledWarning stepLog = new ThrottledWarning(LOG);

        Assigner(long toleranceMillis, LongSupplier receiverClock, MetricGroup metrics) {
            this.toleranceMillis = toleranceMillis;
            this.receiverClock = receiverClock;
            this.metrics = metrics;
        }

        @Override
        public long extractTimestamp(Frame frame, long recordTimestamp) {
            Stream stream = streams.get(frame.stream());
            if (stream == null) {
                stream = new Stream(frame.stream());
                streams.put(frame.stream(), stream);
            }
            StreamClock.Placement placed = stream.clock.place(frame.eventTimeMillis(), receiverClock.getAsLong());
            switch (placed.agreement()) {
                case AHEAD -> {
                    stream.futureFrames.inc();
                    futureLog.warn("Frame {} of {} was captured at {} s, more than {} ms ahead of its stream's clock "
                            + "(offset {} ms to this receiver's): given its arrival time, event time stays",
                            frame.fno(), frame.stream(), frame.ftime(), toleranceMillis, stream.clock.offsetMillis());
                }
                case STEPPED -> {
                    stream.clockSteps.inc();
                    stepLog.warn("The clock of {} stepped: its offset to this receiver's is now {} ms (from frame {})",
                            frame.stream(), stream.clock.offsetMillis(), frame.fno());
                }
                default -> { }
            }
            return placed.eventTime();
        }

        /** One stream's clock and counters. */
        private final class Stream {
            final StreamClock clock = new StreamClock(toleranceMillis);
            final Counter futureFrames;
            final Counter clockSteps;

            Stream(String name) {
                MetricGroup group = metrics.addGroup("stream", name);
                futureFrames = group.counter("futureFrames");
                clockSteps = group.counter("clockSteps");
            }
        }
    }
}
