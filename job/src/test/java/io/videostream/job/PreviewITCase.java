package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.job.sinks.PreviewSink;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees, in headless Chromium: the live preview moves, the web UI shows the job, a page
 * of another site can neither stop it nor show its view, the preview's own Stop ends it.
 */
class PreviewITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePreviewShowsAMovingPictureTheWebUiShowsTheRunningJobOtherSitesCannotStopItAndStopCancelsIt(
            @InjectClusterClient ClusterClient<?> cluster, @TempDir Path tmp) throws Exception {
        var preview = InetSocketAddress.createUnresolved("127.0.0.1", Ports.freePort());
        String page = "http://localhost:" + preview.getPort() + "/";
        var frames = new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.IMAG_S, true, 30, Long.MAX_VALUE);
        var options = new DemoJob.Options(frames, "identity", Duration.ofMillis(200), preview, false, false,
                JpegSettings.DEFAULT, 2, null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new DemoJob(options, List.of(new PreviewSink(preview, cluster.getWebInterfaceURL()))).build(env);
        JobClient job = env.executeAsync("videostream demo with a preview");

        awaitFramesShown(page + "status", 10);
        BufferedImage first = ImageIO.read(Chromium.screenshot(page, tmp.resolve("first.png"), tmp).toFile());
        Thread.sleep(1000);
        BufferedImage second = ImageIO.read(Chromium.screenshot(page, tmp.resolve("second.png"), tmp).toFile());
        assertThat(differentPixels(first, second)).as("pixels that changed in a second").isGreaterThan(10_000);

        String webUi = Chromium.dom(cluster.getWebInterfaceURL() + "/#/job/running/" + job.getJobID() + "/overview", tmp);
        assertThat(webUi).contains("videostream demo with a preview", "RUNNING", "test card IMAG_S", "decode", "re-order",
                "frame rate and latency", "PreviewSink");

        String otherSite = CrossOrigin.pageOnAnotherOrigin(attack(page), tmp);
        assertThat(otherSite).as("the other site's page").contains("id=\"view\">view refused<", "id=\"form\">form sent<",
                "id=\"no-cors\">no-cors post sent<", "id=\"token\">post with a header refused<");
        assertThat(job.getJobStatus().get()).as("the job after the other site's page").isEqualTo(JobStatus.RUNNING);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(page + "status")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).as("the preview after the other site's page")
                .startsWith("{\"stopped\":false");

        assertThat(pressStop(page, tmp)).as("what the page says after Stop").isIn("stopping", "stopped");
        for (int i = 0; i < 300 && !job.getJobStatus().get().isGloballyTerminalState(); i++) {
            Thread.sleep(100);
        }
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    }

    /**
     * A page of another site that, in the browser of someone who looks at the preview, shows its
     * view and then posts to its stop as a form, a no-cors fetch and a fetch with a made-up token header.
     */
    private static String attack(String preview) {
        String stop = preview + "stop";
        return "<html><body><p id='view'>loading</p><p id='no-cors'>posting</p><p id='token'>posting</p>"
                + "<p id='form'>sending</p><iframe name='answer'></iframe>"
                + "<form id='stop' method='post' action='" + stop + "' target='answer'><input name='stop' value='1'></form>"
                + "<script>\n"
                + "const say = (id, text) => document.getElementById(id).textContent = text;\n"
                + "const view = new Image();\n"
                + "const stop = () => {\n"
                + "fetch('" + stop + "', {method: 'POST', mode: 'no-cors', body: 'stop'})\n"
                + "  .then(r => say('no-cors', 'no-cors post sent'), e => say('no-cors', 'no-cors post failed'));\n"
                + "fetch('" + stop + "', {method: 'POST', headers: {'X-Preview-Token': 'guessed'}})\n"
                + "  .then(r => say('token', 'post with a header answered ' + r.status),\n"
                + "        e => say('token', 'post with a header refused'));\n"
                + "document.getElementById('stop').submit();\n"
                + "say('form', 'form sent');\n"
                + "};\n"
                + "view.onload = () => { say('view', 'view shown'); stop(); };\n"
                + "view.onerror = () => { say('view', 'view refused'); stop(); };\n"
                + "view.src = '" + preview + "view?stream=" + Frame.DEFAULT_STREAM + "';\n"
                + "</script></body></html>";
    }

    /** Presses the Stop button of the preview page in Chromium; returns what the page then says. */
    static String pressStop(String preview, Path tmp) throws IOException, InterruptedException {
        try (Chromium.Page page = Chromium.open(preview, tmp)) {
            return page.evaluate("new Promise(answered => { const state = document.getElementById('state');"
                    + " new MutationObserver(() => answered(state.textContent)).observe(state, {childList: true});"
                    + " document.getElementById('stop').click(); })");
        }
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
