package io.videostream.job.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoInputTest {
    @TempDir
    Path dir;

    @Test
    void aCameraUrlIsNamedWithoutItsCredentialsAndOpenedOverTcpWithATimeout() {
        VideoInput camera = VideoInput.parse("rtsp://admin:secret@127.0.0.1:8554/live/main?token=abc");
        assertThat(camera.kind()).isEqualTo(VideoInput.Kind.URL);
        assertThat(camera.live()).isTrue();
        assertThat(camera.stream()).isEqualTo("127.0.0.1:8554/live/main");
        assertThat(camera.toString()).doesNotContain("secret", "token");
        List<String> command = camera.ffmpegCommand("ffmpeg", false, 18);
        assertThat(String.join(" ", command)).contains("-rtsp_transport tcp", "-timeout 5000000",
                "-i rtsp://admin:secret@127.0.0.1:8554/live/main?token=abc", "-f mjpeg", "-q:v 18").endsWith("pipe:1");
        assertThat(String.join(" ", camera.ffmpegCommand("ffmpeg", true, 18))).contains("-c:v copy")
                .doesNotContain("-q:v");
        assertThat(VideoInput.parse("http://127.0.0.1/mjpg/video.mjpg").ffmpegCommand("ffmpeg", true, 2))
                .doesNotContain("-rtsp_transport").contains("-timeout");
    }

    @Test
    void whatFfmpegSaysIsLoggedWithoutTheCredentials() {
        VideoInput camera = VideoInput.parse("rtsp://admin:secret@127.0.0.1:8554/live");
        assertThat(FfmpegCapture.redacted("rtsp://admin:secret@127.0.0.1:8554/live: Connection refused", camera))
                .isEqualTo("127.0.0.1:8554/live: Connection refused");
        assertThat(FfmpegCapture.redacted("[tcp @ 0x1] rtsp://admin:secret@127.0.0.1:8554 failed", camera))
                .isEqualTo("[tcp @ 0x1] rtsp://127.0.0.1:8554 failed");
    }

    @Test
    void aDeviceIsLiveAndOpenedWithV4l2() {
        VideoInput webcam = VideoInput.parse("/dev/video0");
        assertThat(webcam.live()).isTrue();
        assertThat(webcam.stream()).isEqualTo("video0");
        assertThat(String.join(" ", webcam.ffmpegCommand("ffmpeg", false, 18))).contains("-f v4l2 -i /dev/video0");
    }

    @Test
    void aFileIsNamedAfterItselfAndNamesAreUnique() throws Exception {
        Path clip = Files.writeString(dir.resolve("clip.mp4"), "x");
        Files.createDirectories(dir.resolve("b"));
        Path other = Files.writeString(dir.resolve("b").resolve("clip.mp4"), "x");
        List<VideoInput> inputs = VideoInput.parseAll(List.of(clip.toString(), other.toString(), "rtsp://127.0.0.1/cam"));
        assertThat(inputs).extracting(VideoInput::stream).containsExactly("clip.mp4", "clip.mp4-2", "127.0.0.1/cam");
        assertThat(inputs.get(0).live()).isFalse();
        assertThat(inputs.get(0).ffmpegCommand("ffmpeg", false, 18)).doesNotContain("-timeout", "-f v4l2");
        assertThatThrownBy(() -> VideoInput.parse(dir.resolve("missing.mp4").toString()))
                .hasMessageContaining("is neither a readable file, a folder, a URL");
    }

    @Test
    void jpegQualityMapsOntoFfmpegsScaleBestToWorst() {
        assertThat(Ffmpeg.qscale(100)).isEqualTo(2);
        assertThat(Ffmpeg.qscale(50)).isEqualTo(18);
        assertThat(Ffmpeg.qscale(1)).isEqualTo(31);
        for (int q = 1; q < 100; q++) {
            assertThat(Ffmpeg.qscale(q + 1)).as("quality %d", q + 1).isLessThanOrEqualTo(Ffmpeg.qscale(q));
        }
    }
}
