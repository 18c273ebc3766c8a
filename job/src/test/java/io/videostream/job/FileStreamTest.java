package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.job.cli.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The streamer's --input: a folder of JPEG files, and inputs that cannot be read. */
class FileStreamTest {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    @TempDir
    Path dir;

    private static List<Frame> run(Path input, long frames, String name) throws Exception {
        CollectingSink<Frame> sink = new CollectingSink<>(name);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FileStream.encoded(env, input, 200, frames, 2).sinkTo(sink).setParallelism(1);
        env.execute();
        return sink.results();
    }

    @Test
    void aFolderSendsItsJpegFilesAsTheyAreInNameOrderAndEndsWithThem() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("jpegs"));
        try (JpegCodec codec = JpegCodecs.create()) {
            for (int i = 0; i < 5; i++) {
                Files.write(folder.resolve("frame-" + i + ".jpg"), codec.encode(TestCards.frame(TestCard.TEST_S, true, i)));
            }
        }
        Files.writeString(folder.resolve("notes.txt"), "not a frame");

        List<Frame> frames = run(folder, Long.MAX_VALUE, "folder");
        assertThat(frames).extracting(Frame::fno).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
        for (Frame frame : frames) {
            assertThat(frame.jpeg()).isEqualTo(Files.readAllBytes(folder.resolve("frame-" + frame.fno() + ".jpg")));
        }
        assertThat(run(folder, 3, "folder-3")).extracting(Frame::fno).containsExactlyInAnyOrder(0L, 1L, 2L);
    }

    @Test
    void anInputThatCannotBeReadIsOneClearLine() throws Exception {
        assertThatThrownBy(() -> parse(dir.resolve("missing.avi")))
                .hasMessageContaining("is neither a readable file, a folder, a URL");
        Files.writeString(dir.resolve("text.avi"), "not a video");
        assertThatThrownBy(() -> parse(dir.resolve("text.avi"))).hasMessageContaining("FFmpeg finds no video in it");
        assertThatThrownBy(() -> parse(Files.createDirectory(dir.resolve("empty"))))
                .hasMessageContaining("holds no .jpg or .jpeg files");
    }

    private static StreamerJob.Options parse(Path input) {
        return StreamerJob.Options.parse(new Args("--endpoint", "tcp://127.0.0.1:5555", "--input", input.toString()));
    }
}
