package io.videostream.job.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.Python;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.job.StreamerJob;
import io.videostream.job.cli.Args;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamer's video inputs, read by Debian's FFmpeg as users give them: video files of the
 * formats phones and tools write, an MJPEG video passed through as it is, and a live RTSP camera
 * (GStreamer's RTSP server) that drops and comes back while the job goes on.
 */
class VideoSourceITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS, 4);

    private static final Path CAMERA = Paths.get("src", "test", "python", "rtsp_camera.py");

    @TempDir
    Path dir;

    /** Writes a 320x240 test video with FFmpeg: {@code codec} libx264, mpeg4, ... */
    private Path video(String name, String codec, int frames) throws Exception {
        Path file = dir.resolve(name);
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30", "-frames:v", Integer.toString(frames),
                "-c:v", codec, "-pix_fmt", "yuv420p", file.toString());
        return file;
    }

    private void ffmpeg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
    }

    private static JobClient start(StreamerJob.Options options, List<Sink<Frame>> sinks) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new StreamerJob(options, sinks).build(env);
        return env.executeAsync();
    }

    @Test
    void mp4FilesOfH264AndMpeg4AreReadInOrderOneStreamEachAndTheRunEndsWithThem() throws Exception {
        Path h264 = video("phone.mp4", "libx264", 24);
        Path mpeg4 = video("tool.mp4", "mpeg4", 12);
        var options = StreamerJob.Options.parse(new Args("--input", h264 + "," + mpeg4, "--endpoint",
                Ports.freeAddress() + "," + Ports.freeAddress(), "--fps", "120"));
        CollectingSink<Frame> first = new CollectingSink<>("video-h264");
        CollectingSink<Frame> second = new CollectingSink<>("video-mpeg4");

        start(options, List.of(first, second)).getJobExecutionResult().get(120, TimeUnit.SECONDS);

        assertThat(first.results()).extracting(Frame::stream).containsOnly("phone.mp4");
        assertThat(first.results()).extracting(Frame::fno).containsExactlyElementsOf(numbers(24));
        assertThat(second.results()).extracting(Frame::stream).containsOnly("tool.mp4");
        assertThat(second.results()).extracting(Frame::fno).containsExactlyElementsOf(numbers(12));
        try (JpegCodec codec = JpegCodecs.create()) {
            for (Frame frame : first.results()) {
                Pixels picture = codec.decode(frame.jpeg());
                assertThat(List.of(picture.width(), picture.height())).containsExactly(320, 240);
            }
        }
    }

    @Test
    void anMjpegVideosFramesPassThroughByteForByte() throws Exception {
        List<byte[]> jpegs = new ArrayList<>();
        try (JpegCodec codec = JpegCodecs.create()) {
            for (int i = 0; i < 10; i++) {
                byte[] jpeg = codec.encode(TestCards.frame(TestCard.TEST_S, true, i));
                jpegs.add(jpeg);
                Files.write(dir.resolve(String.format("f%03d.jpg", i)), jpeg);
            }
        }
        Path avi = dir.resolve("camera.avi");
        ffmpeg("-framerate", "30", "-i", dir.resolve("f%03d.jpg").toString(), "-c:v", "copy", avi.toString());
        CollectingSink<Frame> sink = new CollectingSink<>("video-mjpeg");

        start(StreamerJob.Options.parse(new Args("--input", avi.toString(), "--endpoint", Ports.freeAddress(),
                "--fps", "120")), List.of(sink)).getJobExecutionResult().get(120, TimeUnit.SECONDS);

        assertThat(sink.results()).extracting(Frame::jpeg).containsExactlyElementsOf(jpegs);
    }

    @Test
    void aLiveCameraThatDropsIsReopenedAndNumberingGoesOnWithoutRestartingTheJob() throws Exception {
        int port = Ports.freePort();
        CollectingSink<Frame> sink = new CollectingSink<>("video-rtsp");
        JobClient job;
        Process camera = camera(port);
        try {
            job = start(StreamerJob.Options.parse(new Args("--input", "rtsp://127.0.0.1:" + port + "/cam",
                    "--endpoint", Ports.freeAddress())), List.of(sink));
            awaitFrames(sink, frames -> frames.size() >= 20, "the camera's first frames");
        } finally {
            camera.destroy();
            camera.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            for (int i = 0; i < 300 && TestCluster.counter(METRICS, job.getJobID(), "inputRestarts") < 1; i++) {
                Thread.sleep(100);
            }
            assertThat(TestCluster.counter(METRICS, job.getJobID(), "inputRestarts")).as("the drop was noticed")
                    .isPositive();
            int beforeDrop = sink.results().size();
            camera = camera(port);
            awaitFrames(sink, frames -> frames.size() >= beforeDrop + 20, "frames after the camera came back");
            assertThat(TestCluster.restarts(METRICS, job.getJobID())).as("the job itself never restarted").isZero();
        } finally {
            camera.destroy();
        }
        job.cancel().get(30, TimeUnit.SECONDS);
        long dropped = TestCluster.counter(METRICS, job.getJobID(), "droppedFrames"); // retained after the end
        List<Frame> frames = sink.results();
        assertThat(frames).extracting(Frame::stream).containsOnly("127.0.0.1:" + port + "/cam");
        // Numbered at capture: a frame dropped while the job fell behind (a busy machine) leaves a gap.
        List<Long> fnos = frames.stream().map(Frame::fno).toList();
        assertThat(fnos).as("numbered on across the drop").startsWith(0L).isSorted().doesNotHaveDuplicates();
        assertThat(fnos.get(fnos.size() - 1) + 1 - fnos.size()).as("numbers missing: only frames counted as dropped")
                .isLessThanOrEqualTo(dropped);
        assertThat(frames).extracting(Frame::ftime).isSorted();
    }

    /** GStreamer's RTSP server with a moving test picture, once it says it is ready. */
    private Process camera(int port) throws Exception {
        Path output = Files.createTempFile(dir, "camera", ".out");
        Process process = new ProcessBuilder(Python.EXECUTABLE, CAMERA.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        for (int i = 0; i < 200 && process.isAlive() && !Files.readString(output).contains("ready"); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(output)).as("the camera started").contains("ready");
        return process;
    }

    private static void awaitFrames(CollectingSink<Frame> sink, Predicate<List<Frame>> enough, String what)
            throws InterruptedException {
        for (int i = 0; i < 600 && !enough.test(sink.results()); i++) {
            Thread.sleep(100);
        }
        assertThat(enough.test(sink.results())).as(what + ": got " + sink.results().size()).isTrue();
    }

    private static List<Long> numbers(int count) {
        return LongStream.range(0, count).boxed().toList();
    }
}
