package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.TestImages;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.formats.StreamMeta;
import io.videostream.job.cli.Args;
import io.videostream.job.sinks.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Many cameras: a receiver reading 200 publishers with one source reader (one thread); a worker with several
 * named sources whose streams the receiver separates again.
 */
class ManyStreamsITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS, 4);

    private static final int CAMERAS = 200;
    private static final int FRAMES = 5;
    private static final byte[] JPEG = TestImages.fixture("a_p2p_pub_fno0", "part0_buf.bin");

    @Test
    void twoHundredPublishersAreReadByOneReaderAndEveryStreamArrivesWholeAndInOrder() throws Exception {
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < 10 * CAMERAS && distinct.size() < CAMERAS; i++) {
            distinct.add(Ports.freeAddress());
        }
        List<String> addresses = List.copyOf(distinct);
        AtomicBoolean stop = new AtomicBoolean();
        CollectingSink<Frame> received = new CollectingSink<>("many-streams");
        var options = new ReceiverJob.Options(addresses.stream().map(ZmqEndpoint::connect).toList(), false,
                Duration.ofMillis(300), null, null, false, false, FRAMES, JpegSettings.DEFAULT, 1, false);
        assertThat(ReceiverJob.sourceParallelism(options.endpoints(), options.parallelism()))
                .as("source readers: one thread each, whatever the number of endpoints").isEqualTo(1);
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
    void aWorkerNamesTheStreamsOfItsSourcesInTheMetaAndTheReceiverRecordsEachApart(@TempDir Path dir)
            throws Exception {
        String front = Ports.freeAddress();
        String back = Ports.freeAddress();
        String drain = Ports.freeAddress();
        Path sources = Files.writeString(dir.resolve("cameras.txt"),
                "# the worker binds, the cameras connect\nbind:" + front + " front-door\n\nbind:" + back + "\n");
        Path recording = dir.resolve("recording");
        CollectingSink<Frame> received = new CollectingSink<>("named-streams");
        var receiverOptions = ReceiverJob.Options.parse(new Args("--mapreduce", "--endpoint", drain,
                "--bufferlen", "0.3"));
        JobClient receiver = Jobs.start(env -> new ReceiverJob(receiverOptions, ReceiverJob.zeromqSource(receiverOptions),
                List.of(received, new RecordingSink(recording))).build(env));
        var workerOptions = WorkerJob.Options.parse(new Args("--sources", sources.toString(), "--drain", drain,
                "--source-pattern", "pull", "--processor", "gray", "--frames", Integer.toString(FRAMES)));
        try (Peer<Void> one = Peer.start(context -> push(context.createSocket(SocketType.PUSH), front, 0));
                Peer<Void> two = Peer.start(context -> push(context.createSocket(SocketType.PUSH), back, 1000))) {
            Jobs.start(env -> new WorkerJob(workerOptions, WorkerJob.zeromqSource(workerOptions),
                    WorkerJob.zeromqSink(workerOptions)).build(env)).getJobExecutionResult().get(60, TimeUnit.SECONDS);
            receiver.getJobExecutionResult().get(60, TimeUnit.SECONDS); // the worker's STOPSTREAM ends it
        }

        Map<String, List<Long>> streams = received.results().stream().collect(
                Collectors.groupingBy(Frame::stream, Collectors.mapping(Frame::fno, Collectors.toList())));
        assertThat(streams).as("--frames from each source, each stream by the name the worker gave it").containsOnly(
                Map.entry("front-door", List.of(0L, 1L, 2L, 3L, 4L)),
                Map.entry(back, List.of(1000L, 1001L, 1002L, 1003L, 1004L)));
        assertThat(received.results()).allMatch(frame -> frame.stream().equals(StreamMeta.streamOf(frame.meta())),
                "the meta a plain pystreaming Receiver reads names the stream");
        for (Frame frame : received.results()) {
            assertThat(RecordingSink.fileOf(recording, frame)).exists().startsWith(recording.resolve(
                    frame.stream().equals("front-door") ? "front-door" : back.replaceAll("[^A-Za-z0-9.-]", "_")));
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
