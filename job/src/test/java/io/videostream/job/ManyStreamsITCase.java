package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.TestImages;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** Many cameras: a receiver reading 200 publishers with two source readers; a worker with several sources. */
class ManyStreamsITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS, 4);

    private static final int CAMERAS = 200;
    private static final int FRAMES = 5;
    private static final byte[] JPEG = TestImages.fixture("a_p2p_pub_fno0", "part0_buf.bin");

    @Test
    void twoHundredPublishersAreReadByTwoReadersAndEveryStreamArrivesWholeAndInOrder() throws Exception {
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < 10 * CAMERAS && distinct.size() < CAMERAS; i++) {
            distinct.add(Ports.freeAddress());
        }
        List<String> addresses = List.copyOf(distinct);
        AtomicBoolean stop = new AtomicBoolean();
        CollectingSink<Frame> received = new CollectingSink<>("many-streams");
        var options = new ReceiverJob.Options(addresses.stream().map(ZmqEndpoint::connect).toList(), false,
                Duration.ofMillis(300), null, null, false, false, FRAMES, new Configuration(), 2, false);
        assertThat(ReceiverJob.sourceParallelism(options.endpoints(), options.parallelism()))
                .as("source readers: one thread each, whatever the number of endpoints").isEqualTo(2);
        try (Peer<Long> cameras = Peer.start(context -> publish(context.createSocket(SocketType.PUB), addresses,
                context, stop))) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            new ReceiverJob(options, ReceiverJob.zeromqSource(options), List.of(received)).execute(env);
            stop.set(true);
            assertThat(cameras.result(30)).isPositive();
        }

        Map<String, List<Long>> streams = received.results().stream().collect(
                Collectors.groupingBy(Frame::stream, Collectors.mapping(Frame::fno, Collectors.toList())));
        assertThat(streams).hasSize(CAMERAS);
        streams.forEach((stream, fnos) -> assertThat(fnos).as(stream).hasSize(FRAMES).isSorted()
                .isEqualTo(LongStream.range(fnos.get(0), fnos.get(0) + FRAMES).boxed().toList()));
    }

    @Test
    void aWorkerTakesFramesFromSeveralSourcesAndProcessesThemAll() throws Exception {
        String first = Ports.freeAddress();
        String second = Ports.freeAddress();
        String drain = Ports.freeAddress();
        var options = new WorkerJob.Options(List.of(ZmqEndpoint.bind(first), ZmqEndpoint.bind(second)),
                ZmqSourcePattern.PULL, "none", 3, ZmqEndpoint.connect(drain), ZmqSinkPattern.PUSH, "gray", false,
                FRAMES, new Configuration(), 2, false);
        try (Peer<List<Long>> collector = Peer.start(context -> collect(context.createSocket(SocketType.PULL), drain));
                Peer<Void> one = Peer.start(context -> push(context.createSocket(SocketType.PUSH), first, 0));
                Peer<Void> two = Peer.start(context -> push(context.createSocket(SocketType.PUSH), second, 1000))) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            new WorkerJob(options, WorkerJob.zeromqSource(options), WorkerJob.zeromqSink(options)).execute(env);
            assertThat(collector.result(30)).as("--frames from each source").containsExactlyInAnyOrder(
                    0L, 1L, 2L, 3L, 4L, 1000L, 1001L, 1002L, 1003L, 1004L);
        }
    }

    /** Pushes frames numbered from {@code first} every 20 ms until nobody takes them (at most 10 s). */
    private static Void push(ZMQ.Socket push, String address, long first) throws Exception {
        push.setSendTimeOut(100);
        Peer.connect(push, address);
        PyStreamingWire wire = new PyStreamingWire();
        for (long fno = first; fno < first + 500; fno++) {
            Peer.send(push, wire.encode(Frame.encoded("camera", fno, System.currentTimeMillis() / 1000.0, null, JPEG)));
            Thread.sleep(20);
        }
        return null;
    }

    /** A collecting receiver: the frame numbers that arrive until STOPSTREAM. */
    private static List<Long> collect(ZMQ.Socket pull, String address) throws Exception {
        pull.setReceiveTimeOut(30_000);
        pull.bind(address);
        PyStreamingWire wire = new PyStreamingWire();
        List<Long> fnos = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            List<byte[]> parts = Peer.receive(pull);
            long fno = parts == null ? PyStreamingWire.STOPSTREAM : wire.decode("worker", parts).fno();
            if (fno == PyStreamingWire.STOPSTREAM) {
                break;
            }
            fnos.add(fno);
        }
        return fnos;
    }

    /** Binds a PUB per address (the first socket given, the rest made here) and publishes a frame on each every 20 ms. */
    private static Long publish(ZMQ.Socket first, List<String> addresses, org.zeromq.ZContext context,
            AtomicBoolean stop) throws Exception {
        List<ZMQ.Socket> publishers = new ArrayList<>();
        for (String address : addresses) {
            ZMQ.Socket pub = publishers.isEmpty() ? first : context.createSocket(SocketType.PUB);
            pub.bind(address);
            publishers.add(pub);
        }
        PyStreamingWire wire = new PyStreamingWire();
        long fno = 0;
        for (; fno < 3000 && !stop.get(); fno++) {
            for (ZMQ.Socket pub : publishers) {
                Peer.send(pub, wire.encode(Frame.encoded("camera", fno, System.currentTimeMillis() / 1000.0, null, JPEG)));
            }
            Thread.sleep(20);
        }
        return fno;
    }
}
