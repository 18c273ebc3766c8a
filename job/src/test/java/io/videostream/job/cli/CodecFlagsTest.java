package io.videostream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.job.WorkerJob;
import org.junit.jupiter.api.Test;

/** {@code --codec} and {@code --quality} reach the codec each job's operators create. */
class CodecFlagsTest {
    private static JpegSettings codec(String... flags) {
        String[] args = new String[flags.length + 4];
        System.arraycopy(new String[] {"--source", "tcp://127.0.0.1:1", "--drain", "tcp://127.0.0.1:2"}, 0, args, 0, 4);
        System.arraycopy(flags, 0, args, 4, flags.length);
        return WorkerJob.Options.parse(new Args(args)).codec();
    }

    @Test
    void theCodecFlagChoosesTheLibraryAndTheQualityGoesWithIt() {
        try (JpegCodec opencv = codec("--codec", "opencv", "--quality", "80").create()) {
            assertThat(opencv.implementation()).isEqualTo(JpegCodec.Implementation.OPENCV);
        }
        try (JpegCodec turbo = codec("--codec", "turbojpeg").create()) {
            assertThat(turbo.implementation()).isEqualTo(JpegCodec.Implementation.TURBOJPEG);
        }
        assertThat(codec()).isEqualTo(JpegSettings.DEFAULT);
        assertThat(codec("--quality", "80").quality()).isEqualTo(80);
    }
}
