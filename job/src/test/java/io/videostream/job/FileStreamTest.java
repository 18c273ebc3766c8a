package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.opencv.OpenCvNative;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;

/** The streamer's --input: a folder of JPEG files, or a video file. */
class FileStreamTest {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    @TempDir
    Path dir;

    private static List<Frame> run(Path input, long frames, String name) throws Exception {
        CollectingSink<Frame> sink = new CollectingSink<>(name);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FileStream.encoded(env, input, 200, frames, new Configuration(), 2).sinkTo(sink).setParallelism(1);
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
    void aVideoIsReadInOrderEncodedAndEndsWithItsLastFrame() throws Exception {
        Path video = dir.resolve("clip.avi");
        OpenCvNative.load();
        VideoWriter writer = new VideoWriter(video.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 30,
                new Size(320, 240));
        assertThat(writer.isOpened()).as("OpenCV writes MJPEG AVI").isTrue();
        for (int i = 0; i < 12; i++) {
            writer.write(new Mat(240, 320, CvType.CV_8UC3, new Scalar(i * 20, 0, 255 - i * 20)));
        }
        writer.release();

        List<Frame> frames = run(video, Long.MAX_VALUE, "video");
        assertThat(frames).extracting(Frame::fno).containsExactlyElementsOf(
                LongStream.range(0, 12).boxed().toList());
        try (JpegCodec codec = JpegCodecs.create()) {
            Pixels last = codec.decode(frames.get(11).jpeg());
            assertThat(List.of(last.width(), last.height())).containsExactly(320, 240);
            byte[] bgr = last.toByteArray();
            assertThat(bgr[0] & 0xff).as("blue of the last frame").isBetween(210, 230);
        }
    }

    @Test
    void anInputThatCannotBeReadIsOneClearLine() throws Exception {
        assertThatThrownBy(() -> FileStream.frameCount(dir.resolve("missing.avi")))
                .hasMessageContaining("is neither a folder nor a readable file");
        Files.writeString(dir.resolve("text.avi"), "not a video");
        assertThatThrownBy(() -> FileStream.frameCount(dir.resolve("text.avi")))
                .hasMessageContaining("OpenCV cannot read it as a video");
        assertThatThrownBy(() -> FileStream.frameCount(Files.createDirectory(dir.resolve("empty"))))
                .hasMessageContaining("holds no .jpg or .jpeg files");
    }
}
