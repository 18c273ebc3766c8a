package io.videostream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.job.ReceiverJob;
import io.videostream.job.WorkerJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sources FILE}: many cameras, one a line, each optionally named. */
class SourcesFileTest {
    @TempDir
    Path dir;

    @Test
    void endpointsReadAsTheRoleSaysWithTheirNames() throws Exception {
        Path file = Files.writeString(dir.resolve("cameras"), """
                # garden and door
                tcp://127.0.0.1:5555   garden
                tcp://127.0.0.1:5557 door   # the front door

                bind:tcp://127.0.0.1:5559
                """);
        var receiver = ReceiverJob.Options.parse(new Args("--sources", file.toString()));
        assertThat(receiver.endpoints()).containsExactly(ZmqEndpoint.connect("tcp://127.0.0.1:5555"),
                ZmqEndpoint.connect("tcp://127.0.0.1:5557"), ZmqEndpoint.bind("tcp://127.0.0.1:5559"));
        assertThat(receiver.streamNames()).isEqualTo(Map.of("tcp://127.0.0.1:5555", "garden",
                "tcp://127.0.0.1:5557", "door"));
        var worker = WorkerJob.Options.parse(new Args("--sources", file.toString(), "--drain", "tcp://127.0.0.1:5556"));
        assertThat(worker.sources()).hasSize(3);
        assertThat(worker.streamNames()).containsEntry("tcp://127.0.0.1:5555", "garden");
    }

    @Test
    void whatDoesNotFitIsOneLine() throws Exception {
        refused(Files.writeString(dir.resolve("three"), "tcp://127.0.0.1:5555 garden extra\n"),
                "line 1: ENDPOINT [NAME]");
        refused(Files.writeString(dir.resolve("twice"), "tcp://127.0.0.1:5555 garden\ntcp://127.0.0.1:5557 garden\n"),
                "line 2: the name garden is given twice");
        refused(Files.writeString(dir.resolve("empty"), "# nothing\n"), "lists no endpoint");
        refused(dir.resolve("missing"), "cannot read");
        assertThatThrownBy(() -> ReceiverJob.Options.parse(new Args("--sources", dir.resolve("x").toString(),
                "--endpoint", "tcp://127.0.0.1:5555"))).hasMessageContaining("give --endpoint or --sources, not both");
    }

    private static void refused(Path file, String reason) {
        assertThatThrownBy(() -> ReceiverJob.Options.parse(new Args("--sources", file.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
