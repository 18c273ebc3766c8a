package io.videostream.job.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.TestCluster;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test cards' clock: every frame once, on one schedule, and nothing captured before every lane is ready. */
class FrameClockTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withSlots(3);

    /** When each instance of {@link SlowToOpen} had opened, per test. */
    private static final Map<String, Long> OPENED = new ConcurrentHashMap<>();

    private static List<Tuple2<Long, Double>> ticks(double fps, long frames, int lanes, String name,
            RichMapFunction<Tuple2<Long, Double>, Tuple2<Long, Double>> chained) throws Exception {
        CollectingSink<Tuple2<Long, Double>> sink = new CollectingSink<>(name);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(new FrameClock(fps, frames), WatermarkStrategy.noWatermarks(), "clock").setParallelism(lanes)
                .map(chained).setParallelism(lanes)
                .sinkTo(sink).setParallelism(1);
        env.execute();
        return sink.results();
    }

    @Test
    void everyFrameOnceInThreeLanesCapturedOnOneScheduleInFrameOrder() throws Exception {
        List<Tuple2<Long, Double>> ticks = ticks(200, 50, 3, "schedule", new SlowToOpen("schedule", 0));

        assertThat(ticks).extracting(tick -> tick.f0).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, 50).boxed().toList());
        List<Double> spacings = spacings(ticks);
        assertThat(spacings).as("capture times rise with frame numbers, 1/200 s apart or, where the clock slipped, "
                + "more").allSatisfy(spacing -> assertThat(spacing).isGreaterThan(0.005 - 1e-6));
        assertThat(spacings.stream().filter(spacing -> Math.abs(spacing - 0.005) < 1e-6).count())
                .as("frames on the schedule (a tick more than 10 ms late on a busy machine makes it slip)")
                .isGreaterThanOrEqualTo(40);
    }

    /** How long after the frame before each frame was captured, in frame order (seconds). */
    private static List<Double> spacings(List<Tuple2<Long, Double>> ticks) {
        List<Tuple2<Long, Double>> byFrame = ticks.stream().sorted(Comparator.comparingLong(tick -> tick.f0)).toList();
        return IntStream.range(1, byFrame.size()).mapToObj(i -> byFrame.get(i).f1 - byFrame.get(i - 1).f1).toList();
    }

    /** How far behind its capture time each frame was taken by {@link TakesFiveMillis}, per test (ms). */
    private static final Map<String, Queue<Long>> TAKEN_LATE = new ConcurrentHashMap<>();

    @Test
    void aPipelineSlowerThanTheFrameRateTakesFramesCapturedWhenItTakesThemNotEverFurtherBack() throws Exception {
        // Two lanes of 5 ms a frame take ~400 frames/s of the 1000 asked: on a fixed schedule, frame 399
        // (due 0.4 s after the start, taken ~1 s after it) would be 600 ms old when taken.
        TAKEN_LATE.put("slow-pipeline", new ConcurrentLinkedQueue<>());
        List<Tuple2<Long, Double>> ticks = ticks(1000, 400, 2, "slow-pipeline", new TakesFiveMillis("slow-pipeline"));

        assertThat(ticks).extracting(tick -> tick.f0).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, 400).boxed().toList());
        assertThat(spacings(ticks)).as("capture times rise with frame numbers")
                .allSatisfy(spacing -> assertThat(spacing).isGreaterThan(0.001 - 1e-6));
        assertThat(TAKEN_LATE.get("slow-pipeline")).hasSize(400)
                .allSatisfy(late -> assertThat(late).as("ms from capture to the operator that takes it").isLessThan(200));
    }

    @Test
    void theEnumeratorFixesTheScheduleABlockAheadOnceAndSlipsItByHowFarBehindTheAskingLaneWas() {
        TestingSplitEnumeratorContext<ClockLane> context = new TestingSplitEnumeratorContext<>(2);
        FrameClockEnumerator enumerator = new FrameClockEnumerator(context, List.of(ClockLane.first(0, 2),
                ClockLane.first(1, 2)), 100);
        for (int reader = 0; reader < 2; reader++) {
            context.registerReader(reader, "localhost");
            enumerator.addReader(reader);
        }
        long start = context.getSplitAssignments().get(0).getAssignedSplits().get(0).startMillis();
        long block = FrameClock.blockFrames(100, 2); // 4 frames (two per lane; 20 ms of 100 fps is 2)
        long fixed = FrameClock.firstFixedUpTo(0, block);

        enumerator.handleSourceEvent(0, new ScheduleRequest(fixed, 3));
        enumerator.handleSourceEvent(1, new ScheduleRequest(fixed, 3)); // the other lane, asking the same
        enumerator.handleSourceEvent(1, new ScheduleRequest(fixed + block, 40));

        ClockSchedule.Segment slipped = new ClockSchedule.Segment(start + (fixed + block) * 10 + 40, fixed + block);
        assertThat(context.getSentEvents().get(0)).as("every reader learns each block once")
                .containsExactly(new ScheduleExtension(fixed + block, null),
                        new ScheduleExtension(fixed + 2 * block, slipped));
        assertThat(context.getSentEvents().get(1)).isEqualTo(context.getSentEvents().get(0));

        ClockSchedule schedule = new ClockSchedule(100, new ClockSchedule.Segment(start, 0), fixed);
        schedule.extend(fixed + block, null);
        schedule.extend(fixed + 2 * block, slipped);
        long last = fixed + block - 1;
        assertThat(schedule.dueSeconds(last)).as("on the first segment").isEqualTo(start / 1000.0 + last / 100.0);
        assertThat(schedule.dueSeconds(last + 1) - schedule.dueSeconds(last)).as("10 ms and the slip of 40")
                .isCloseTo(0.05, offset(1e-6));
        assertThat(schedule.isFixed(fixed + 2 * block)).isFalse();
    }

    @Test
    void noFrameIsCapturedBeforeTheOperatorsOfEveryLaneHaveOpened() throws Exception {
        List<Tuple2<Long, Double>> ticks = ticks(100, 20, 2, "slow", new SlowToOpen("slow", 500));

        long lastOpened = OPENED.entrySet().stream().filter(e -> e.getKey().startsWith("slow/"))
                .mapToLong(Map.Entry::getValue).max().orElseThrow();
        assertThat(OPENED.keySet()).contains("slow/0", "slow/1");
        assertThat(ticks).hasSize(20).allSatisfy(tick ->
                assertThat(Math.round(tick.f1 * 1000)).as("frame %d's capture time", tick.f0).isGreaterThanOrEqualTo(lastOpened));
    }

    @Test
    void lanesGoOutTogetherOnceAllTheirReadersAreUpAndComeBackOnANewScheduleAtTheirNextFrames() {
        TestingSplitEnumeratorContext<ClockLane> context = new TestingSplitEnumeratorContext<>(2);
        FrameClockEnumerator enumerator = new FrameClockEnumerator(context, List.of(ClockLane.first(0, 2),
                ClockLane.first(1, 2)), 10);
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(context.getSplitAssignments()).as("lane 1's reader is not up yet").isEmpty();

        context.registerReader(1, "localhost");
        enumerator.addReader(1);
        ClockLane lane0 = context.getSplitAssignments().get(0).getAssignedSplits().get(0);
        ClockLane lane1 = context.getSplitAssignments().get(1).getAssignedSplits().get(0);
        assertThat(lane0.startMillis()).isEqualTo(lane1.startMillis()).isPositive();
        assertThat(lane0.baseFno()).isEqualTo(lane1.baseFno()).isZero();
        assertThat(context.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal()).isTrue();

        // Both lanes come back after a restart (Flink restarts the whole job: they share the sink), at frames 40 and 41.
        context.registeredReaders().clear();
        enumerator.addSplitsBack(List.of(new ClockLane(0, 2, 40, 1, 0)), 0);
        enumerator.addSplitsBack(List.of(new ClockLane(1, 2, 41, 1, 0)), 1);
        assertThat(enumerator.snapshotState(1)).hasSize(2);
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        context.registerReader(1, "localhost");
        enumerator.addReader(1);
        ClockLane again0 = context.getSplitAssignments().get(0).getAssignedSplits().get(1);
        ClockLane again1 = context.getSplitAssignments().get(1).getAssignedSplits().get(1);
        assertThat(again0.startMillis()).isEqualTo(again1.startMillis()).isGreaterThan(1);
        assertThat(again0.baseFno()).as("the schedule starts again at the first of their next frames")
                .isEqualTo(again1.baseFno()).isEqualTo(40);
        assertThat(enumerator.snapshotState(2)).isEmpty();
    }

    /** Takes 5 ms per frame, and notes how long after its capture time it took each. */
    private static final class TakesFiveMillis extends RichMapFunction<Tuple2<Long, Double>, Tuple2<Long, Double>> {
        private final String test;

        TakesFiveMillis(String test) {
            this.test = test;
        }

        @Override
        public Tuple2<Long, Double> map(Tuple2<Long, Double> tick) throws InterruptedException {
            TAKEN_LATE.get(test).add(System.currentTimeMillis() - Math.round(tick.f1 * 1000));
            Thread.sleep(5);
            return tick;
        }
    }

    /** Passes ticks on; its instance {@code slowSubtask} takes {@code openMillis} to open, the others none. */
    private static final class SlowToOpen extends RichMapFunction<Tuple2<Long, Double>, Tuple2<Long, Double>> {
        private final String test;
        private final long openMillis;

        SlowToOpen(String test, long openMillis) {
            this.test = test;
            this.openMillis = openMillis;
        }

        @Override
        public void open(OpenContext context) throws InterruptedException {
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            if (subtask == 1) {
                Thread.sleep(openMillis);
            }
            OPENED.put(test + "/" + subtask, System.currentTimeMillis());
        }

        @Override
        public Tuple2<Long, Double> map(Tuple2<Long, Double> tick) {
            return tick;
        }
    }
}
