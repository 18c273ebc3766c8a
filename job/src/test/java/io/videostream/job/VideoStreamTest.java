package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.videostream.connector.zeromq.common.CurveCertificate;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: a bad argument gets one clear line and exit code 2, --help the job's flags. */
class VideoStreamTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void keysWritesACertificatePairThatReadsBack(@TempDir Path dir) throws Exception {
        assertThat(VideoStream.run(new String[] {"keys", dir.toString(), "receiver"})).isZero();

        CurveCertificate secret = CurveCertificate.read(dir.resolve("receiver.key_secret"));
        assertThat(CurveCertificate.read(dir.resolve("receiver.key")).publicKey()).isEqualTo(secret.publicKey());
        assertThat(secret.secretKey()).isNotNull();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                dir.resolve("receiver.key").toString(), dir.resolve("receiver.key_secret").toString());
        assertThat(VideoStream.run(new String[] {"keys", dir.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: videostream keys DIR NAME");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "streamer                                                            | videostream streamer: --endpoint is required",
        "streamer --endpoint tcp://*:5555 --tracks a,b                       | videostream streamer: --tracks needs --mapreduce",
        "streamer --endpoint tcp://*:5555 --card HUGE                        | videostream streamer: unknown test card 'HUGE'",
        "streamer --endpoint udp://x                                         | videostream streamer: not a ZeroMQ address",
        "streamer --endpoint tcp://*:5555 --input /no/such/video.avi         | videostream streamer: --input /no/such/video.avi is neither a readable file, a folder, a URL (rtsp://, http://, ...) nor /dev/videoN",
        "streamer --endpoint tcp://*:5555 --input rtsp://h/a,rtsp://h/b      | videostream streamer: --input gives 2 streams, --endpoint 1: one endpoint per input, in their order",
        "worker --source tcp://h:1 --drain tcp://h:2 --processor magic       | videostream worker: unknown processor 'magic' (known: identity|gray|blur|edges|people|qr|faces)",
        "worker --source tcp://h:1 --drain tcp://h:2 --processor faces:/x.xml | videostream worker: the faces processor needs a Haar cascade file, and /x.xml is missing",
        "worker --source tcp://h:1 --drain tcp://h:2 --source-pattern dealer | videostream worker: --source-pattern cannot be 'dealer'",
        "worker --source tcp://h:1 --drain tcp://h:2 --reqthread 0           | videostream worker: --reqthread must be 1-64, not 0",
        "receiver --endpoint tcp://h:1 --bogus 1 --other                     | videostream receiver: unknown flags --bogus, --other (see --help)",
        "receiver --endpoint tcp://h:1 --bufferlen -1                        | videostream receiver: --bufferlen must be at least 0.0, not -1",
        "demo --fps fast                                                     | videostream demo: --fps takes a number, not 'fast'",
        "demo --frames 0                                                     | videostream demo: --frames takes a positive whole number, not '0'",
        "demo --quality 101                                                  | videostream demo: --quality must be 1-100, not 101",
        "demo --codec gif                                                    | videostream demo: --codec cannot be 'gif'",
        "receiver --endpoint tcp://h:1 --curve-cert /no/own.key_secret --curve-server /no/s.key | videostream receiver: cannot read the certificate /no/own.key_secret: no such file",
        "receiver --endpoint tcp://h:1 --transport nanomsg                     | videostream receiver: --transport cannot be 'nanomsg'",
        "worker --source tcp://h:1 --drain tcp://h:2 --format imagezmq --source-pattern req | videostream worker: --format imagezmq takes --source-pattern rep (a hub, imagezmq's default) or sub",
        "worker --source tcp://h:1 --drain tcp://h:2 --source-pattern rep     | videostream worker: --source-pattern rep is imagezmq's hub: add --format imagezmq",
        "receiver --endpoint tcp://h:1 --mapreduce --format imagezmq          | videostream receiver: --mapreduce is pystreaming's; an imagezmq hub is --source-pattern rep",
        "receiver --endpoint tcp://h:1 --source-pattern sub                   | videostream receiver: --source-pattern is for --format imagezmq",
        "receiver --endpoint tcp://h:1 --format mjpeg                         | videostream receiver: --format cannot be 'mjpeg'",
        "demo --preview-bind 1:2:3                                           | videostream demo: --preview-bind takes an address or host name of this machine, not '1:2:3'",
    })
    void aBadArgumentGetsOneLineAndExitCode2(String args, String message) throws Exception {
        assertThat(VideoStream.run(args.trim().split(" +"))).isEqualTo(2);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith(message).endsWith("\n");
        assertThat(printed.lines()).hasSize(1);
    }

    @Test
    void helpListsTheJobsFlags() throws Exception {
        assertThat(VideoStream.run(new String[] {"worker", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--reqthread", "--processor", "--drain-pattern");
        assertThat(VideoStream.run(new String[] {"receiver", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--preview-port", "--preview-bind");
    }

    @Test
    void aWindowWithoutADisplayGetsOneLine() throws Exception {
        assumeTrue(GraphicsEnvironment.isHeadless(), "this machine has a display");
        assertThat(VideoStream.run(new String[] {"receiver", "--endpoint", "tcp://h:1", "--window"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("videostream receiver: --window needs a display "
                + "(DISPLAY is not set); the live preview in the browser needs none\n");
    }

    @Test
    void anUnknownJobGetsTheListOfJobs() throws Exception {
        assertThat(VideoStream.run(new String[] {"stream"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("demo|streamer|worker|receiver");
    }

    @Test
    void curveWithoutLibzmqGetsOneLineSayingWhatToInstall(@TempDir Path keys) throws Exception {
        CurveCertificate.generate().write(keys, "own");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dvideostream.libzmq.library=libzmq-not-installed.so.5", "-cp", System.getProperty("java.class.path"),
                VideoStream.class.getName(), "receiver", "--endpoint", "tcp://127.0.0.1:5555",
                "--curve-cert", keys.resolve("own.key_secret").toString(),
                "--curve-server", keys.resolve("own.key").toString()).redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(printed).isEqualTo(2);
        assertThat(printed.lines().filter(line -> line.startsWith("videostream receiver: ")))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("needs the native libzmq (Debian package libzmq5) on every TaskManager",
                        "libzmq-not-installed.so.5 cannot be loaded");
    }
}
