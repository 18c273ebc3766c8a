package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.job.sinks.PreviewSink;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees, in headless Chromium: the live preview moves, the web UI shows the job, Stop ends it. */
class PreviewITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePreviewShowsAMovingPictureTheWebUiShowsTheRunningJobAndStopCancelsIt(
            @InjectClusterClient ClusterClient<?> cluster, @TempDir Path tmp) throws Exception {
        int port = Ports.freePort();
        String page = "http://localhost:" + port + "/";
        var frames = new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.IMAG_S, true, 30, Long.MAX_VALUE);
        var options = new DemoJob.Options(frames, "identity", Duration.ofMillis(200), port, false, false,
                new Configuration(), 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new DemoJob(options, List.of(new PreviewSink(port, cluster.getWebInterfaceURL()))).build(env);
        JobClient job = env.executeAsync("videostream demo with a preview");

        awaitFramesShown(page + "status", 10);
        BufferedImage first = ImageIO.read(Chromium.screenshot(page, tmp.resolve("first.png"), tmp).toFile());
        Thread.sleep(1000);
        BufferedImage second = ImageIO.read(Chromium.screenshot(page, tmp.resolve("second.png"), tmp).toFile());
        assertThat(differentPixels(first, second)).as("pixels that changed in a second").isGreaterThan(10_000);

        String webUi = Chromium.dom(cluster.getWebInterfaceURL() + "/#/job/running/" + job.getJobID() + "/overview", tmp);
        assertThat(webUi).contains("videostream demo with a preview", "RUNNING", "test card IMAG_S", "decode", "re-order",
                "frame rate and latency", "PreviewSink");

        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create(page + "stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stop.statusCode()).isEqualTo(202);
        for (int i = 0; i < 300 && !job.getJobStatus().get().isGloballyTerminalState(); i++) {
            Thread.sleep(100);
        }
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    }

    /** Waits until the preview has shown {@code frames} frames of a stream. */
    private void awaitFramesShown(String status, int frames) throws Exception {
        Pattern shown = Pattern.compile("\"frames\":(\\d+)");
        for (int i = 0; i < 600; i++) {
            try {
                Matcher m = shown.matcher(http.send(HttpRequest.newBuilder(URI.create(status)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (m.find() && Long.parseLong(m.group(1)) >= frames) {
                    return;
                }
            } catch (IOException notServingYet) {
                // the job is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the preview showed no " + frames + " frames within a minute");
    }

    private static long differentPixels(BufferedImage a, BufferedImage b) {
        assertThat(List.of(a.getWidth(), a.getHeight())).isEqualTo(List.of(b.getWidth(), b.getHeight()));
        long different = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                different += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return different;
    }
}
