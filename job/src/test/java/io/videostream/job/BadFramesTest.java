package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.serialization.FrameTypeInfo;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.job.fuzz.HostileMessages;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Frames whose JPEG cannot be decoded are counted and left out; the worker goes on with the rest. */
class BadFramesTest {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    @Test
    void aWorkerSkipsCorruptTruncatedAndAbsurdFramesAndProcessesTheOthers() throws Exception {
        byte[] good;
        try (JpegCodec codec = JpegCodecs.create()) {
            good = codec.encode(TestCards.frame(TestCard.TEST_S, false, 0));
        }
        byte[] truncated = Arrays.copyOf(good, good.length / 3);
        byte[] absurd = HostileMessages.absurdDimensions(good);
        List<Frame> frames = List.of(frame(0, good), frame(1, "not a jpeg".getBytes()), frame(2, good),
                frame(3, truncated), frame(4, absurd), frame(5, good));

        for (boolean resultOnly : List.of(false, true)) {
            CollectingSink<Frame> sink = new CollectingSink<>("bad-frames-" + resultOnly);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            WorkerJob.process(env.fromData(FrameTypeInfo.INSTANCE, frames.toArray(Frame[]::new)), "gray", resultOnly,
                    JpegSettings.DEFAULT, 2).sinkTo(sink);
            JobExecutionResult result = env.execute();

            assertThat(sink.results()).extracting(Frame::fno).as("result only: %s", resultOnly)
                    .containsExactlyInAnyOrder(0L, 2L, 5L);
            long badFrames = METRICS.findMetrics(result.getJobID(), "badFrames").values().stream()
                    .mapToLong(m -> ((Counter) m).getCount()).sum();
            assertThat(badFrames).as("result only: %s", resultOnly).isEqualTo(3);
        }
    }

    private static Frame frame(long fno, byte[] jpeg) {
        return Frame.encoded("cam", fno, 1.0 + fno, null, jpeg);
    }
}
