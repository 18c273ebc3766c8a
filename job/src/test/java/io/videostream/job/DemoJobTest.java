package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.TestCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo: a test card through a worker to a receiver, in one MiniCluster job. */
class DemoJobTest {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    @Test
    void everyFrameArrivesOnceInCaptureOrderProcessedAtTheCardsSizeAndIsMeasured() throws Exception {
        CollectingSink<Frame> sink = new CollectingSink<>("demo");
        var frames = new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.IMAG_S, true, 100, 40);
        var options = new DemoJob.Options(frames, "gray", Duration.ofSeconds(3), null, false, false, JpegSettings.DEFAULT, 2, null);
        JobExecutionResult result = new DemoJob(options, List.of(sink)).execute(StreamExecutionEnvironment.getExecutionEnvironment());

        List<Frame> received = sink.results();
        assertThat(received).extracting(Frame::fno).containsExactlyElementsOf(LongStream.range(0, 40).boxed().toList());
        try (JpegCodec codec = JpegCodecs.create()) {
            for (Frame frame : received) {
                Pixels pixels = codec.decode(frame.jpeg());
                assertThat(List.of(pixels.width(), pixels.height(), pixels.channels())).containsExactly(640, 480, 3);
                assertThat(maxChannelSpread(pixels)).as("grey: blue, green and red (nearly) alike").isLessThan(12);
            }
        }
        Map<String, Metric> stream = streamMetrics(result.getJobID(), Frame.DEFAULT_STREAM);
        assertThat(((Histogram) stream.get("latencyMs")).getCount()).isEqualTo(40);
        assertThat(((Counter) stream.get("missingFrames")).getCount()).as("frame numbers that never came").isZero();
        assertThat((Double) ((Gauge<?>) stream.get("fps")).getValue()).as("frames per second over the last frames")
                .isPositive();
    }

    /** The metrics a job keeps for one stream (group {@code stream=<name>}). */
    static Map<String, Metric> streamMetrics(JobID job, String stream) {
        Map<String, Metric> metrics = new HashMap<>();
        METRICS.getMetricsByGroup().forEach((group, byName) -> {
            Map<String, String> variables = group.getAllVariables();
            if (job.toString().equals(variables.get("<job_id>")) && stream.equals(variables.get("<stream>"))) {
                metrics.putAll(byName);
            }
        });
        return metrics;
    }

    /** The largest difference between the channels of one pixel, over every 97th pixel. */
    private static int maxChannelSpread(Pixels pixels) {
        byte[] bgr = pixels.toByteArray();
        int spread = 0;
        for (int i = 0; i + 2 < bgr.length; i += 3 * 97) {
            int b = bgr[i] & 0xff;
            int g = bgr[i + 1] & 0xff;
            int r = bgr[i + 2] & 0xff;
            spread = Math.max(spread, Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r)));
        }
        return spread;
    }
}
