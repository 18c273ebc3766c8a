package io.videostream.job.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where a frame is recorded: inside DIR whatever its stream's name, which may come from the network. */
class RecordingSinkTest {
    private static final Path DIR = Path.of("recording");

    private static Path fileOf(String stream) {
        return RecordingSink.fileOf(DIR, Frame.encoded(stream, 7, 1.0, null, new byte[1]));
    }

    @Test
    void everyNameStaysInsideTheRecording() {
        assertThat(fileOf("front-door")).isEqualTo(DIR.resolve("front-door/00000007.jpg"));
        assertThat(fileOf("tcp://127.0.0.1:5555")).isEqualTo(DIR.resolve("tcp___127.0.0.1_5555/00000007.jpg"));
        for (String hostile : new String[] {"..", ".", "../../etc", "/etc/passwd", ".hidden"}) {
            Path file = fileOf(hostile);
            assertThat(file.normalize().startsWith(DIR)).as(hostile).isTrue();
            assertThat(file.getParent().getParent()).as(hostile).isEqualTo(DIR);
            assertThat(file.getParent().getFileName().toString()).as(hostile).doesNotStartWith(".");
        }
    }
}
