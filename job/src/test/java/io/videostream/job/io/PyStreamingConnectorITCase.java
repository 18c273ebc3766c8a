package io.videostream.job.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.TestImages;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.PyStreamingSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** The connector with the pystreaming schema against plain jeromq peers sending pystreaming's bytes. */
class PyStreamingConnectorITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    /** (fno, event time Flink assigned, ftime in ms) of every frame that reached the end of the job. */
    static final Queue<long[]> SEEN = new ConcurrentLinkedQueue<>();

    private static final PyStreamingWire WIRE = new PyStreamingWire();
    private static final byte[] JPEG = TestImages.fixture("a_p2p_pub_fno0", "part0_buf.bin");

    @Test
    void pullTakesPystreamingFramesWithTheirCaptureTimeSkipsAnUnsafePickleAndNonFiniteTimesAndEndsAtStopstream() throws Exception {
        SEEN.clear();
        String address = Ports.freeAddress();
        try (Peer<Void> worker = Peer.start(context -> {
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            Peer.connect(push, address);
            for (long fno = 0; fno < 30; fno++) {
                if (fno == 15) { // a pickle that asks for os.system: counted and skipped, never run
                    List<byte[]> evil = new ArrayList<>(WIRE.encode(Frame.encoded("x", fno, 1.0, null, JPEG)));
                    evil.set(1, "cposix\nsystem\n(S'true'\ntR.".getBytes());
                    Peer.send(push, evil);
                    for (double badTime : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) { // bad messages too
                        Peer.send(push, WIRE.encode(Frame.encoded("x", fno, badTime, null, JPEG)));
                    }
                }
                Peer.send(push, WIRE.encode(Frame.encoded("x", fno, 1_795_484_676.0 + fno / 30.0, "worker result", JPEG)));
            }
            Peer.send(push, TestImages.fixtureMessage("a_p2p_pub_stopstream"));
            return null;
        })) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            ZmqSource<Frame> source = ZmqSource.<Frame>builder()
                    .setPattern(ZmqSourcePattern.PULL)
                    .addEndpoint(ZmqEndpoint.bind(address))
                    .setDeserializer(new PyStreamingSchema())
                    .build();
            env.fromSource(source, WatermarkStrategy.forMonotonousTimestamps(), "collector")
                    .process(new ProcessFunction<Frame, Frame>() {
                        @Override
                        public void processElement(Frame frame, Context context, Collector<Frame> out) {
                            SEEN.add(new long[] {frame.fno(), context.timestamp(), frame.eventTimeMillis()});
                        }
                    });
            JobExecutionResult result = env.execute();
            worker.result(10);

            assertThat(SEEN.stream().map(seen -> seen[0])).containsExactlyElementsOf(LongStream.range(0, 30).boxed().toList());
            assertThat(SEEN).allMatch(seen -> seen[1] == seen[2], "event time is ftime");
            assertThat(TestCluster.counter(METRICS, result.getJobID(), "numRecordsInErrors")).isEqualTo(3);
        }
    }

    @Test
    void pubSendsPystreamingFramesAndItsStopMessage() throws Exception {
        String address = Ports.freeAddress();
        try (Peer<List<Frame>> receiver = Peer.start(context -> {
            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            sub.subscribe(new byte[0]);
            Peer.connect(sub, address);
            sub.setReceiveTimeOut(20_000);
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                List<byte[]> message = Peer.receive(sub);
                if (message == null) {
                    break;
                }
                frames.add(WIRE.decode("stream", message));
                if (frames.get(frames.size() - 1).fno() == PyStreamingWire.STOPSTREAM) {
                    break;
                }
            }
            return frames;
        })) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.fromSequence(0, 199)
                    .map(fno -> {
                        Thread.sleep(2); // a paced stream: the subscriber joins while it runs
                        return Frame.encoded("cam", fno, fno / 30.0, null, JPEG);
                    })
                    .sinkTo(ZmqSink.<Frame>builder()
                            .setPattern(ZmqSinkPattern.PUB)
                            .setEndpoint(ZmqEndpoint.bind(address))
                            .setSerializer(new PyStreamingSchema())
                            .build());
            env.execute();

            List<Frame> frames = receiver.result(30);
            Frame last = frames.get(frames.size() - 1);
            assertThat(last.fno()).as("pystreaming's STOPSTREAM ends the stream").isEqualTo(PyStreamingWire.STOPSTREAM);
            assertThat(last.jpeg()).isEqualTo(TestImages.fixture("a_p2p_pub_stopstream", "part0_buf.bin"));
            List<Frame> pictures = frames.subList(0, frames.size() - 1);
            assertThat(pictures.size()).as("all but what went out before the subscription").isGreaterThan(100);
            assertThat(pictures).allMatch(frame -> frame.jpeg().length == JPEG.length);
            assertThat(pictures.stream().map(Frame::fno)).isSorted().endsWith(199L);
        }
    }
}
