package io.videostream.job.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.job.StreamerJob;
import io.videostream.job.TestCardStream;
import io.videostream.job.WorkerJob;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs with Python programs that speak pystreaming's wire format (pyzmq, send_pyobj, cv2):
 * a Python Streamer feeding the worker job feeding a Python collecting Receiver, and the streamer job
 * serving a Python Worker in map-reduce.
 */
class JobsInteropITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withSlots(4);

    @TempDir
    Path dir;

    @Test
    void aPythonStreamerFeedsTheWorkerJobWhichFeedsAPythonReceiver() throws Exception {
        String streamerAddress = Ports.freeAddress();
        String collectorAddress = Ports.freeAddress();
        try (PythonPeer collector = PythonPeer.start(dir, "collector", collectorAddress);
                PythonPeer streamer = PythonPeer.start(dir, "streamer", streamerAddress, "40",
                        PythonPeer.JPEG, PythonPeer.STOP_JPEG)) {
            var options = new WorkerJob.Options(List.of(ZmqEndpoint.connect(streamerAddress)), ZmqSourcePattern.SUB, "none", 3,
                    ZmqEndpoint.connect(collectorAddress), ZmqSinkPattern.PUSH, "gray", false, Long.MAX_VALUE,
                    JpegSettings.DEFAULT, 2, false);
            new WorkerJob(options, WorkerJob.zeromqSource(options), WorkerJob.zeromqSink(options))
                    .execute(StreamExecutionEnvironment.getExecutionEnvironment()); // ends at the Python STOPSTREAM

            assertThat(streamer.result(30).get("sent").asInt()).isEqualTo(40);
            JsonNode got = collector.result(30);
            assertThat(got.get("ended").asBoolean()).as("the end of stream came through").isTrue();
            assertThat(PythonPeer.longs(got.get("fnos"))).containsExactlyInAnyOrderElementsOf(
                    LongStream.range(0, 40).boxed().toList());
            got.get("grey").forEach(grey -> assertThat(grey.asBoolean()).as("cv2 decodes a grey picture").isTrue());
            got.get("shapes").forEach(shape -> assertThat(shape.get(2).asInt()).isEqualTo(3));
        }
    }

    @Test
    void theStreamerJobServesAPythonWorker() throws Exception {
        String distributorAddress = Ports.freeAddress();
        var options = new StreamerJob.Options(ZmqEndpoint.bind(distributorAddress), List.of("none"),
                new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.TEST_S, true, 100, 30), null, JpegSettings.DEFAULT, 2);
        try (PythonPeer worker = PythonPeer.start(dir, "worker", distributorAddress, "none")) {
            new StreamerJob(options, StreamerJob.zeromqSink(options))
                    .execute(StreamExecutionEnvironment.getExecutionEnvironment()); // 30 frames, then STOPSTREAM
            JsonNode got = worker.result(30);
            assertThat(got.get("ended").asBoolean()).isTrue();
            assertThat(PythonPeer.longs(got.get("fnos")))
                    .as("every frame once (the distributor answers with the newest)")
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 30).boxed().toList());
        }
    }
}
