package io.videostream.job;

import static io.videostream.formats.TwoCameraWorker.FRAMES;
import static io.videostream.formats.TwoCameraWorker.PEOPLE_PER_SECOND;
import static io.videostream.formats.TwoCameraWorker.PEOPLE_PER_SECOND_ROWS;
import static io.videostream.formats.TwoCameraWorker.printedRows;
import static io.videostream.formats.TwoCameraWorker.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.formats.FrameCollector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;

/**
 * {@code videostream sql FILE} as a user runs it: README's script counting people per stream and
 * second, its rows printed in the tableau form; and a script whose INSERT sends rows to a receiver,
 * the run lasting until that job ends.
 */
class SqlScriptITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withSlots(4);

    @Test
    void aScriptCountsPeoplePerStreamAndSecondAndPrintsTheRows(@TempDir Path dir) throws Exception {
        String address = Ports.freeAddress();
        Path script = Files.writeString(dir.resolve("people.sql"), """
                -- people per stream and second, from a worker with --processor people --result-only
                SET 'table.local-time-zone' = 'UTC';
                CREATE TABLE results (
                  `stream` STRING, fno BIGINT, ftime TIMESTAMP_LTZ(3), meta STRING,
                  WATERMARK FOR ftime AS ftime - INTERVAL '0.5' SECOND
                ) WITH ('connector' = 'zeromq', 'endpoint' = '%s', 'pattern' = 'sub');
                """.formatted(address) + PEOPLE_PER_SECOND);
        String printed;
        try (Peer<Void> worker = publish(address)) {
            printed = run(script);
            worker.result(10);
        }
        assertThat(printedRows(printed)).containsExactlyInAnyOrderElementsOf(PEOPLE_PER_SECOND_ROWS);
    }

    @Test
    void aScriptsInsertSendsRowsToAReceiverAndTheRunLastsUntilItEnds(@TempDir Path dir) throws Exception {
        String address = Ports.freeAddress();
        String collector = Ports.freeAddress();
        Path script = Files.writeString(dir.resolve("forward.sql"), """
                CREATE TABLE cams (`stream` STRING, fno BIGINT, meta STRING, jpeg BYTES)
                  WITH ('connector' = 'zeromq', 'endpoint' = '%s', 'pattern' = 'sub');
                CREATE TABLE receiver (fno BIGINT, meta STRING, jpeg BYTES)
                  WITH ('connector' = 'zeromq', 'endpoint' = '%s', 'pattern' = 'push');
                INSERT INTO receiver SELECT fno, JSON_OBJECT('stream' VALUE `stream`), jpeg FROM cams WHERE fno %% 2 = 1;
                """.formatted(address, collector));
        try (Peer<List<Frame>> collected = Peer.start(context -> FrameCollector.untilStopstream(
                context.createSocket(SocketType.PULL), collector, 60));
                Peer<Void> worker = publish(address)) {
            assertThat(run(script)).contains("started job ");
            List<Frame> frames = collected.result(30);
            assertThat(frames).hasSize(FRAMES / 2).allSatisfy(frame -> assertThat(frame.meta())
                    .isEqualTo(Map.of("stream", "cam-b")));
            worker.result(10);
        }
    }

    /** Runs {@code videostream sql FILE}; returns what it printed. */
    private static String run(Path script) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(VideoStream.run(new String[] {"sql", script.toString()})).isZero();
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);
        return output;
    }
}
