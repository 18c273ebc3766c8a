package io.videostream.job.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.PyStreamingSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink jobs between Python peers that speak pystreaming's wire format with pyzmq, in both
 * directions: a Python Streamer feeding Flink feeding a Python collecting Receiver, and a Python
 * distributor serving Flink serving a Python Worker. The Python distributor ends as pystreaming's
 * does: it hands the end of stream to one request only, then goes away.
 */
class PystreamingInteropITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withSlots(2);

    @TempDir
    Path dir;

    @Test
    void pythonStreamerToFlinkToPythonCollector() throws Exception {
        String streamerAddress = Ports.freeAddress();
        String collectorAddress = Ports.freeAddress();
        try (PythonPeer collector = PythonPeer.start(dir, "collector", collectorAddress);
                PythonPeer streamer = PythonPeer.start(dir, "streamer", streamerAddress, "50",
                        PythonPeer.JPEG, PythonPeer.STOP_JPEG)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            ZmqSource<Frame> source = ZmqSource.<Frame>builder()
                    .setPattern(ZmqSourcePattern.SUB)
                    .addEndpoint(ZmqEndpoint.connect(streamerAddress))
                    .setDeserializer(new PyStreamingSchema())
                    .build();
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "python streamer")
                    .map(frame -> frame.withMeta("seen by flink"))
                    .sinkTo(ZmqSink.<Frame>builder()
                            .setPattern(ZmqSinkPattern.PUSH)
                            .setEndpoint(ZmqEndpoint.connect(collectorAddress))
                            .setSerializer(new PyStreamingSchema())
                            .setFlowControl(FlowControl.BLOCK)
                            .build());
            env.execute();

            JsonNode got = collector.result(60);
            assertThat(PythonPeer.longs(got.get("fnos"))).containsExactlyElementsOf(LongRange.of(50));
            assertThat(got.get("metas")).allMatch(meta -> meta.asText().equals("seen by flink"));
            assertThat(got.get("sizes")).allMatch(size -> size.asInt() == 52888);
            assertThat(got.get("ended").asBoolean()).as("STOPSTREAM reached Python").isTrue();
            assertThat(streamer.result(30).get("sent").asInt()).isEqualTo(50);
        }
    }

    @Test
    void pythonDistributorToFlinkDistributorToPythonWorkerEndsEveryReaderOfTheDistributor() throws Exception {
        String pythonDistributor = Ports.freeAddress();
        String flinkDistributor = Ports.freeAddress();
        try (PythonPeer distributor = PythonPeer.start(dir, "distributor", pythonDistributor, "40",
                PythonPeer.JPEG, PythonPeer.STOP_JPEG, "none");
                PythonPeer worker = PythonPeer.start(dir, "worker", flinkDistributor, "none")) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            ZmqSource<Frame> source = ZmqSource.<Frame>builder()
                    .setPattern(ZmqSourcePattern.REQ)
                    .addEndpoint(ZmqEndpoint.connect(pythonDistributor))
                    .setTrack("none")
                    .setRequestsInFlight(3)
                    .setReadersPerEndpoint(2) // as the worker job asks: one reader per instance
                    .setDeserializer(new PyStreamingSchema())
                    .build();
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "python distributor")
                    .sinkTo(ZmqSink.<Frame>builder()
                            .setPattern(ZmqSinkPattern.REP)
                            .setEndpoint(ZmqEndpoint.bind(flinkDistributor))
                            .setTracks("none")
                            .setSerializer(new PyStreamingSchema())
                            .setFlowControl(FlowControl.BLOCK)
                            .build())
                    .setParallelism(1);
            env.execute();

            JsonNode got = worker.result(60);
            assertThat(PythonPeer.longs(got.get("fnos"))).containsExactlyInAnyOrderElementsOf(LongRange.of(40));
            assertThat(got.get("ended").asBoolean()).as("STOPSTREAM reached the Python worker").isTrue();
            JsonNode served = distributor.result(30);
            assertThat(served.get("served").get("none").asInt()).isEqualTo(40);
            assertThat(served.get("tracks_asked").toString()).isEqualTo("[\"none\"]");
            assertThat(served.get("misses_after_end").asInt()).as("requests after the one that got the end")
                    .isPositive();
        }
    }

    /** 0, 1, ..., n-1. */
    private static final class LongRange {
        static List<Long> of(int n) {
            return IntStream.range(0, n).mapToObj(i -> (long) i).toList();
        }
    }
}
