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
import io.videostream.formats.PyStreamingSchema;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** A peer's STOPSTREAM ends a receiver's run, as in pystreaming, unless it runs with --ignore-stopstream. */
class StopstreamITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    private static final byte[] JPEG = TestImages.fixture("a_p2p_pub_fno0", "part0_buf.bin");

    @Test
    void aPeersStopstreamEndsTheRun() throws Exception {
        assertThat(receive(false)).containsExactlyElementsOf(numbers(0, 10));
    }

    @Test
    void withIgnoreStopstreamOnlyFramesOrCancellingEndIt() throws Exception {
        assertThat(receive(true)).containsExactlyElementsOf(numbers(0, 20));
    }

    /** A map-reduce receiver (--frames 20) takes 10 frames, a STOPSTREAM and 10 frames from a pusher. */
    private static List<Long> receive(boolean ignoreStopstream) throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<Frame> received = new CollectingSink<>("stopstream-" + ignoreStopstream);
        var options = new ReceiverJob.Options(List.of(ZmqEndpoint.bind(address)), true, Duration.ofMillis(100), null,
                null, false, false, 20, JpegSettings.DEFAULT, 1, ignoreStopstream);
        try (Peer<Void> pusher = Peer.start(context -> {
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.setImmediate(true); // nothing is queued before the receiver is there: frames come paced
            push.setSendTimeOut(100); // and once a receiver has ended, nobody takes the rest
            Peer.connect(push, address);
            PyStreamingWire wire = new PyStreamingWire();
            for (int i = 0; i < 600 && !Peer.send(push, frame(wire, 0)); i++) {
                Thread.sleep(10); // the receiver's job is starting
            }
            for (long fno = 1; fno < 20; fno++) {
                Thread.sleep(10);
                if (fno == 10) {
                    Peer.send(push, new PyStreamingSchema().endOfStream());
                }
                Peer.send(push, frame(wire, fno));
            }
            return null;
        })) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            new ReceiverJob(options, ReceiverJob.zeromqSource(options), List.of(received)).execute(env);
            pusher.result(30);
        }
        return received.results().stream().map(Frame::fno).toList();
    }

    private static List<byte[]> frame(PyStreamingWire wire, long fno) {
        return wire.encode(Frame.encoded("cam", fno, System.currentTimeMillis() / 1000.0, null, JPEG));
    }

    private static List<Long> numbers(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
