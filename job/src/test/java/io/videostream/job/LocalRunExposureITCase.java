package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.Ports;
import io.videostream.job.sinks.PreviewSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run's embedded Flink (what {@code bin/videostream} starts) as the machine's other programs
 * and the web pages its user visits see it: every port on loopback, no jar upload, no other origin;
 * the live preview's Stop still cancels the job through the REST API.
 */
class LocalRunExposureITCase {
    @Test
    void listensOnLoopbackOnlyRefusesOtherOriginsAndJarsAndStopStillCancels(@TempDir Path tmp) throws Exception {
        Set<InetSocketAddress> before = listening();
        int webPort = Ports.freePort();
        var preview = InetSocketAddress.createUnresolved("127.0.0.1", Ports.freePort());
        String rest = "http://localhost:" + webPort;
        var frames = new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.IMAG_S, true, 30, Long.MAX_VALUE);
        var options = new DemoJob.Options(frames, "identity", Duration.ofMillis(200), preview, false, false,
                JpegSettings.DEFAULT, 2, null);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(VideoStream.localConfiguration(webPort));
        new DemoJob(options, List.of(new PreviewSink(preview, rest))).build(env);
        JobClient job = env.executeAsync("videostream demo, local");
        try {
            for (int i = 0; i < 300 && job.getJobStatus().get() != JobStatus.RUNNING; i++) {
                Thread.sleep(100);
            }
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

            Set<InetSocketAddress> opened = listening();
            opened.removeAll(before);
            assertThat(opened).as("sockets the local run listens on").isNotEmpty()
                    .extracting(InetSocketAddress::getPort).contains(webPort);
            assertThat(opened).as("sockets listening beyond loopback")
                    .filteredOn(address -> !address.getAddress().isLoopbackAddress()).isEmpty();

            String jobId = job.getJobID().toString();
            CrossOrigin.assertRefused(rest, jobId);
            String page = CrossOrigin.pageOnAnotherOrigin(rest, jobId, tmp);
            assertThat(page).contains("id=\"read\">read refused<", "id=\"cancel\">cancel refused<");
            assertThat(job.getJobStatus().get()).as("the job after the other site's page").isEqualTo(JobStatus.RUNNING);
            assertThat(Chromium.dom(rest + "/#/job/running/" + jobId + "/overview", tmp))
                    .as("the web UI, on its own origin").contains("videostream demo, local", "RUNNING");

            assertThat(PreviewITCase.pressStop("http://localhost:" + preview.getPort() + "/", tmp))
                    .as("what the preview page says after Stop").isIn("stopping", "stopped");
            assertThatThrownBy(() -> job.getJobExecutionResult().get(30, TimeUnit.SECONDS)).as("the job after Stop")
                    .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, JobCancellationException.class)).isPresent());
        } finally {
            if (!job.getJobExecutionResult().isDone()) {
                job.cancel().get();
            }
        }
    }

    /** The TCP addresses this JVM listens on (Linux: its socket descriptors found in /proc/net/tcp and tcp6). */
    private static Set<InetSocketAddress> listening() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listed is no listening socket
                }
            }
        }
        Set<InetSocketAddress> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean listen = fields[3].equals("0A");
                if (listen && inodes.contains(fields[9])) {
                    listening.add(address(fields[1]));
                }
            }
        }
        return listening;
    }

    /** An address as /proc/net/tcp writes it: hex, in 32-bit words of host (little-endian) byte order, then the port. */
    private static InetSocketAddress address(String hex) throws IOException {
        String[] parts = hex.split(":");
        byte[] bytes = new byte[parts[0].length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = 8 * word + 2 * (3 - b);
                bytes[4 * word + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
