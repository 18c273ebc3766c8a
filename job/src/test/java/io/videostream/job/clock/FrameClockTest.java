package io.videostream.job.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.TestCluster;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        List<Tuple2<Long, Double>> byFrame = ticks.stream().sorted(Comparator.comparingLong(tick -> tick.f0)).toList();
        for (int i = 1; i < byFrame.size(); i++) {
            assertThat(byFrame.get(i).f1 - byFrame.get(i - 1).f1).as("frame %d captured 1/200 s after the one before", i)
                    .isCloseTo(0.005, offset(1e-6));
        }
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
                ClockLane.first(1, 2)));
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(context.getSplitAssignments()).as("lane 1's reader is not up yet").isEmpty();

        context.registerReader(1, "localhost");
        enumerator.addReader(1);
        ClockLane lane0 = context.getSplitAssignments().get(0).getAssignedSplits().get(0);
        ClockLane lane1 = context.getSplitAssignments().get(1).getAssignedSplits().get(0);
        assertThat(lane0.startMillis()).isEqualTo(lane1.startMillis()).isPositive();
        assertThat(lane1.dueSeconds(10) - lane0.dueSeconds(10)).isCloseTo(0.1, offset(1e-6));
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
        assertThat(again0.dueSeconds(10)).isEqualTo(again0.startMillis() / 1000.0);
        assertThat(again1.dueSeconds(10) - again0.dueSeconds(10)).isCloseTo(0.1, offset(1e-6));
        assertThat(enumerator.snapshotState(2)).isEmpty();
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
