package io.videostream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver's event time and re-order buffer with clocks that disagree: frames go through
 * {@link CaptureTimes} (as where they enter a job), a bounded-out-of-orderness watermark generator
 * emitting every 50 ms (as the jobs do) and {@link ReorderFrames}, all in one split, with the
 * receiver's clock and processing time under the test's control. Transit delays vary by more than a
 * frame interval, so frames arrive out of order.
 */
class CaptureTimesTest {
    private static final long BUFFER_MILLIS = 500;
    private static final long TICK_MILLIS = 50;
    private static final double FPS = 30;
    private static final long START = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;
    /** A frame leaves at most this long after it arrived: bufferlen, rounded up to the next tick. */
    private static final long MAX_DELAY = BUFFER_MILLIS + TICK_MILLIS;

    private final Random random = new Random(3);
    private final MetricListener metrics = new MetricListener();
    private final WatermarkGenerator<Frame> watermarks = new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(BUFFER_MILLIS));
    private KeyedOneInputStreamOperatorTestHarness<String, Frame, Frame> harness;
    private CaptureTimes.Assigner captureTimes;
    private long now = START;
    private long watermark = Long.MIN_VALUE;
    /** When each frame (stream + fno) arrived and left, on the receiver's clock. */
    private final Map<String, Long> arrived = new HashMap<>();
    private final List<String> left = new ArrayList<>();
    private final Map<String, Long> leftAt = new HashMap<>();

    /** A frame of a stream, captured at a time of the receiver's clock, and when it arrives. */
    private record Arrival(long at, Frame frame) {}

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new ReorderOperator(BUFFER_MILLIS), Frame::stream, Types.STRING);
        harness.setProcessingTime(now);
        harness.open();
        captureTimes = new CaptureTimes.Assigner(new CaptureTimes(BUFFER_MILLIS).toleranceMillis(), () -> now,
                metrics.getMetricGroup());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void streamsWhoseClocksAreHoursApartPlayInOrderWithAboutBufferlenOfDelay() throws Exception {
        List<Arrival> arrivals = new ArrayList<>();
        arrivals.addAll(stream("here", 150, fno -> 0L));
        arrivals.addAll(stream("ahead", 150, fno -> 3 * HOUR));
        arrivals.addAll(stream("behind", 150, fno -> -3 * HOUR));
        play(arrivals);

        for (String stream : List.of("here", "ahead", "behind")) {
            assertThat(leftOf(stream)).as(stream).containsExactlyElementsOf(numbers(0, 150));
            assertThat(maxDelay(stream, 0, 150)).as(stream).isLessThanOrEqualTo(MAX_DELAY);
            assertThat(counter(stream, "futureFrames")).as(stream).isZero();
        }
        assertThat(late()).isEmpty();
    }

    @Test
    void aFrameAYearAheadDoesNotStopTheStreamAndIsCounted() throws Exception {
        play(stream("cam", 150, fno -> fno == 60 ? 365 * 24 * HOUR : 0L));

        assertThat(leftOf("cam")).as("every frame, the one from the future too").hasSize(150)
                .filteredOn(fno -> fno != 60).containsExactlyElementsOf(numbers(0, 150).stream().filter(fno -> fno != 60).toList());
        assertThat(maxDelay("cam", 61, 150)).isLessThanOrEqualTo(MAX_DELAY);
        assertThat(late()).isEmpty();
        assertThat(counter("cam", "futureFrames")).isEqualTo(1);
        assertThat(counter("cam", "clockSteps")).isZero();
    }

    @Test
    void aClockSteppedAnHourForwardFlowsOnItsFramesMeanwhileCountedAsFromTheFuture() throws Exception {
        play(stream("cam", 300, fno -> fno >= 90 ? HOUR : 0L));

        assertThat(leftOf("cam")).as("every frame, in order").containsExactlyElementsOf(numbers(0, 300));
        assertThat(late()).isEmpty();
        assertThat(maxDelay("cam", 0, 300)).isLessThanOrEqualTo(MAX_DELAY);
        assertThat(counter("cam", "clockSteps")).isEqualTo(1);
        assertThat(counter("cam", "futureFrames")).as("the frames of the re-learning")
                .isBetween((long) StreamClock.RELEARN_FRAMES, framesIn(StreamClock.RELEARN_MILLIS + TICK_MILLIS));
    }

    @Test
    void aClockSteppedAnHourBackRecoversWithinSecondsItsFramesMeanwhileLate() throws Exception {
        play(stream("cam", 300, fno -> fno >= 90 ? -HOUR : 0L));

        long recovered = 90 + framesIn(StreamClock.RELEARN_MILLIS + TICK_MILLIS);
        assertThat(leftOf("cam")).as("all up to the step, then all after the re-learning, in order")
                .startsWith(numbers(0, 90).toArray(Long[]::new))
                .endsWith(numbers(recovered, 300).toArray(Long[]::new))
                .isSorted();
        assertThat(maxDelay("cam", recovered, 300)).isLessThanOrEqualTo(MAX_DELAY);
        assertThat(counter("cam", "clockSteps")).isEqualTo(1);
        assertThat(late()).as("the frames of the re-learning").hasSizeBetween(StreamClock.RELEARN_FRAMES - 1,
                (int) (recovered - 90)).allMatch(fno -> fno >= 90 && fno < recovered);
        assertThat(leftOf("cam").size() + late().size()).as("each frame either left or was late").isEqualTo(300);
    }

    /** A stream that starts slowly (a backlog: frames arrive in a burst) is not re-ordered as its lag shrinks. */
    @Test
    void aStreamWhoseFirstFramesArriveLateKeepsItsOrder() throws Exception {
        List<Arrival> arrivals = new ArrayList<>();
        for (Arrival arrival : stream("cam", 150, fno -> 0L)) {
            arrivals.add(new Arrival(Math.max(arrival.at(), START + 450), arrival.frame())); // all held back until 450 ms
        }
        play(arrivals);

        assertThat(leftOf("cam")).containsExactlyElementsOf(numbers(0, 150));
        assertThat(late()).isEmpty();
        assertThat(counter("cam", "futureFrames")).isZero();
    }

    /**
     * A backlog longer than the tolerance (the first second of frames arrives in one burst, as when a
     * receiver starts after its peers): the later frames of the burst have shorter lags than the
     * first, which sets the clock; they still leave in order.
     */
    @Test
    void aStreamWhoseFirstFramesArriveLongAfterTheOthersKeepsItsOrder() throws Exception {
        List<Arrival> arrivals = new ArrayList<>();
        for (Arrival arrival : stream("cam", 150, fno -> 0L)) {
            arrivals.add(new Arrival(Math.max(arrival.at(), START + 1000), arrival.frame()));
        }
        play(arrivals);

        assertThat(leftOf("cam")).containsExactlyElementsOf(numbers(0, 150));
        assertThat(late()).isEmpty();
        assertThat(counter("cam", "clockSteps")).as("the clock learned anew from the frames after the burst")
                .isEqualTo(1);
    }

    /**
     * {@code count} frames of a stream at {@value #FPS} fps from {@link #START}, each arriving 5-75 ms
     * after capture, captured by a clock {@code offset(fno)} ms off the receiver's.
     */
    private List<Arrival> stream(String name, long count, LongUnaryOperator offset) {
        List<Arrival> arrivals = new ArrayList<>();
        for (long fno = 0; fno < count; fno++) {
            long captured = START + Math.round(fno * 1000 / FPS);
            double ftime = (captured + offset.applyAsLong(fno)) / 1000.0;
            arrivals.add(new Arrival(captured + 5 + random.nextInt(70), Frame.encoded(name, fno, ftime, null, new byte[1])));
        }
        return arrivals;
    }

    /** Plays arrivals in the order they arrive, with watermarks every tick, then 2 s more. */
    private void play(List<Arrival> arrivals) throws Exception {
        arrivals.sort(Comparator.comparingLong(Arrival::at));
        long tick = START;
        for (Arrival arrival : arrivals) {
            for (; tick <= arrival.at(); tick += TICK_MILLIS) {
                advanceTo(tick);
            }
            advanceTo(arrival.at());
            arrived.put(key(arrival.frame()), now);
            long time = captureTimes.extractTimestamp(arrival.frame(), Long.MIN_VALUE);
            watermarks.onEvent(arrival.frame(), time, output());
            harness.processElement(new StreamRecord<>(arrival.frame(), time));
            collect();
        }
        for (long end = tick + 2000; tick <= end; tick += TICK_MILLIS) {
            advanceTo(tick);
        }
    }

    private void advanceTo(long time) throws Exception {
        now = time;
        harness.setProcessingTime(time);
        if (time % TICK_MILLIS == 0) {
            watermarks.onPeriodicEmit(output());
        }
        collect();
    }

    private WatermarkOutput output() {
        return new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark emitted) {
                if (emitted.getTimestamp() > watermark) {
                    watermark = emitted.getTimestamp();
                    try {
                        harness.processWatermark(watermark);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public void markIdle() {}

            @Override
            public void markActive() {}
        };
    }

    private void collect() {
        for (Frame frame : harness.extractOutputValues()) {
            left.add(key(frame));
            leftAt.put(key(frame), now);
        }
        harness.getOutput().clear();
    }

    private static String key(Frame frame) {
        return frame.stream() + "#" + frame.fno();
    }

    private List<Long> leftOf(String stream) {
        return left.stream().filter(key -> key.startsWith(stream + "#"))
                .map(key -> Long.parseLong(key.substring(stream.length() + 1))).toList();
    }

    private List<Long> late() {
        return harness.getSideOutput(ReorderFrames.LATE) == null ? List.of()
                : harness.getSideOutput(ReorderFrames.LATE).stream().map(record -> record.getValue().fno()).toList();
    }

    /** The longest a frame of {@code [from, to)} waited between arriving and leaving. */
    private long maxDelay(String stream, long from, long to) {
        long max = 0;
        for (long fno = from; fno < to; fno++) {
            String key = stream + "#" + fno;
            max = Math.max(max, leftAt.get(key) - arrived.get(key));
        }
        return max;
    }

    private long counter(String stream, String name) {
        return metrics.getCounter("stream", stream, name).map(Counter::getCount).orElse(0L);
    }

    private static long framesIn(long millis) {
        return (long) Math.ceil(millis * FPS / 1000);
    }

    private static List<Long> numbers(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
