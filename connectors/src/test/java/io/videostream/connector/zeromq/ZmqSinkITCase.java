package io.videostream.connector.zeromq;

import static io.videostream.connector.zeromq.TestCluster.counter;
import static io.videostream.connector.zeromq.TestCluster.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkBuilder;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The sink against plain jeromq peers on loopback, in a real MiniCluster. */
class ZmqSinkITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    private static ZmqTransport transport() {
        return TestTransport.current();
    }

    /** A bounded stream of m0..m[count), optionally paced. */
    private static DataStream<String> records(StreamExecutionEnvironment env, int count, double perSecond) {
        DataGeneratorSource<String> source = new DataGeneratorSource<>(i -> "m" + i, count,
                RateLimiterStrategy.perSecond(perSecond), Types.STRING);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "records").setParallelism(1);
    }

    /** Receives text messages until the end marker (or a quiet second); returns them without the marker. */
    private static List<String> receiveUntilEnd(ZMQ.Socket socket, int quietMillis, int delayMillis)
            throws InterruptedException {
        socket.setReceiveTimeOut(quietMillis);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            List<byte[]> parts = Peer.receive(socket);
            if (parts == null) {
                break;
            }
            String text = new String(parts.get(0), StandardCharsets.UTF_8);
            if (text.equals(TextSchema.END)) {
                break;
            }
            received.add(text);
            Thread.sleep(delayMillis);
        }
        return received;
    }

    /** A REQ worker's replies to its requests for a track, asked again at once, until the end marker. */
    private static List<String> askUntilEnd(ZMQ.Socket req, String track) {
        req.setReceiveTimeOut(20_000);
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            req.send(track);
            String reply = req.recvStr();
            if (reply == null || reply.equals(TextSchema.END)) {
                break;
            }
            replies.add(reply);
        }
        return replies;
    }

    /** Replies without the "not available" ones. */
    private static List<String> frames(List<String> replies) {
        return replies.stream().filter(reply -> !reply.equals(TextSchema.MISS)).toList();
    }

    /** A REP distributor of these tracks at the address, blocking, lingering 500 ms at the end. */
    private static ZmqSinkBuilder<String> distributor(String address, String... tracks) {
        return ZmqSink.<String>builder().set(ZmqOptions.TRANSPORT, transport())
                .setPattern(ZmqSinkPattern.REP)
                .setEndpoint(ZmqEndpoint.bind(address))
                .setTracks(tracks)
                .setSerializer(new TextSchema())
                .setFlowControl(FlowControl.BLOCK)
                .set(ZmqOptions.LINGER, Duration.ofMillis(500));
    }

    @Test
    void pushWithBlockDeliversEverythingInOrderToASlowCollectorThenTheEndMarker() throws Exception {
        String address = Ports.freeAddress();
        // Messages of 1 MiB, taken one per 20 ms: when the job ends, what the kernel's socket buffers do
        // not hold is still in ZeroMQ's queue, and the sink's linger (2 s) is what delivers it.
        String padding = "x".repeat(1 << 20);
        int count = 40;
        try (Peer<List<String>> collector = Peer.start(context -> {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.setRcvHWM(10);
            pull.bind(address);
            return receiveUntilEnd(pull, 20_000, 20).stream().map(m -> m.substring(0, m.indexOf(':'))).toList();
        })) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            records(env, count, 100_000).map(m -> m + ":" + padding).setParallelism(1)
                    .sinkTo(ZmqSink.<String>builder().set(ZmqOptions.TRANSPORT, transport())
                    .setPattern(ZmqSinkPattern.PUSH)
                    .setEndpoint(ZmqEndpoint.connect(address))
                    .setSerializer(new TextSchema())
                    .setFlowControl(FlowControl.BLOCK)
                    .build()).setParallelism(1);
            JobExecutionResult result = env.execute();
            assertThat(collector.result(30)).containsExactlyElementsOf(numbered(count));
            assertThat(counter(METRICS, result.getJobID(), "numRecordsSend")).isEqualTo(count);
            assertThat(counter(METRICS, result.getJobID(), "droppedMessages")).isZero();
        }
    }

    @Test
    void pushWithDropOldestNeverStallsAndCountsWhatItDrops() throws Exception {
        String address = Ports.freeAddress();
        String padding = "x".repeat(64 << 10);
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.setRcvHWM(10);
            pull.bind(address); // nobody reads while the job runs

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            records(env, 300, 100_000).map(m -> m + ":" + padding).setParallelism(1).sinkTo(ZmqSink.<String>builder().set(ZmqOptions.TRANSPORT, transport())
                    .setPattern(ZmqSinkPattern.PUSH)
                    .setEndpoint(ZmqEndpoint.connect(address))
                    .setSerializer(new TextSchema())
                    .setFlowControl(FlowControl.DROP_OLDEST)
                    .set(ZmqOptions.LINGER, Duration.ofMillis(300))
                    .build()).setParallelism(1);
            JobExecutionResult result = env.execute();

            long dropped = counter(METRICS, result.getJobID(), "droppedMessages");
            List<Integer> received = receiveUntilEnd(pull, 1000, 0).stream()
                    .map(m -> Integer.parseInt(m.substring(1, m.indexOf(':')))).toList();
            assertThat(dropped).isPositive();
            assertThat(received).isNotEmpty().isSorted();
            assertThat(received.size() + dropped).isLessThanOrEqualTo(300);
        }
    }

    @Test
    void pubReachesASubscriberThatJoinedBeforeTheStream() throws Exception {
        String address = Ports.freeAddress();
        try (Peer<List<String>> subscriber = Peer.start(context -> {
            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            sub.subscribe(new byte[0]);
            Peer.connect(sub, address);
            return receiveUntilEnd(sub, 20_000, 0);
        })) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            records(env, 300, 300).sinkTo(ZmqSink.<String>builder().set(ZmqOptions.TRANSPORT, transport())
                    .setPattern(ZmqSinkPattern.PUB)
                    .setEndpoint(ZmqEndpoint.bind(address))
                    .setSerializer(new TextSchema())
                    .build()).setParallelism(1);
            env.execute();
            List<String> received = subscriber.result(30);
            assertThat(received.size()).as("all but what went out before the subscription arrived")
                    .isGreaterThanOrEqualTo(100);
            assertThat(received).containsExactlyElementsOf(numbered(300).subList(300 - received.size(), 300));
        }
    }

    @Test
    void repDistributorServesEveryTrackTheWholeStreamAndAnswersLikePystreaming() throws Exception {
        String address = Ports.freeAddress();
        List<Peer<List<String>>> workers = new ArrayList<>();
        for (String track : List.of("none", "other")) {
            workers.add(Peer.start(context -> {
                ZMQ.Socket req = context.createSocket(SocketType.REQ);
                Peer.connect(req, address);
                req.setReceiveTimeOut(20_000);
                List<String> received = new ArrayList<>();
                if (track.equals("none")) {
                    req.send("bogus");
                    received.add("bogus->" + req.recvStr());
                }
                received.addAll(frames(askUntilEnd(req, track)));
                return received;
            }));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        records(env, 60, 500).sinkTo(distributor(address, "none", "other").build()).setParallelism(1);
        env.execute();

        List<String> none = workers.get(0).result(30);
        List<String> other = workers.get(1).result(30);
        workers.forEach(Peer::close);
        assertThat(none.get(0)).isEqualTo("bogus->" + TextSchema.UNKNOWN);
        assertThat(none.subList(1, none.size())).containsExactlyInAnyOrderElementsOf(numbered(60));
        assertThat(other).containsExactlyInAnyOrderElementsOf(numbered(60));
    }

    @Test
    void theDistributorHoldsARequestUntilAFrameComesAndIgnoresWhatIsNoRequest() throws Exception {
        String address = Ports.freeAddress();
        // A worker that asks again at once: pystreaming's REP would answer "not available" thousands
        // of times between two frames 50 ms apart; a held request is answered with the next frame.
        Peer<List<String>> worker = Peer.start(context -> {
            ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
            Peer.connect(dealer, address);
            dealer.send("no delimiter, no REQ peer"); // counted, never answered
            ZMQ.Socket req = context.createSocket(SocketType.REQ);
            Peer.connect(req, address);
            return askUntilEnd(req, "none");
        });
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        records(env, 20, 20).sinkTo(distributor(address, "none").build()).setParallelism(1);
        JobExecutionResult result = env.execute();

        List<String> replies = worker.result(30);
        worker.close();
        List<String> frames = frames(replies);
        assertThat(frames).containsExactlyInAnyOrderElementsOf(numbered(20));
        assertThat(replies.size() - frames.size()).as("'not available' answers: one per 200 ms of nothing at most")
                .isLessThan(20);
        assertThat(counter(METRICS, result.getJobID(), "badRequests")).isEqualTo(1);
    }

    /** Set once the records' source may go on; a new one for each run. */
    private static volatile CountDownLatch goneWorkerAsked;

    @Test
    void aFrameForAWorkerThatWentAwayWhileItsRequestWasHeldGoesToTheNextRequest() throws Exception {
        String address = Ports.freeAddress();
        goneWorkerAsked = new CountDownLatch(1);
        Peer<List<String>> worker = Peer.start(context -> {
            Ports.awaitListening(address, 60);
            ZMQ.Socket gone = context.createSocket(SocketType.REQ);
            gone.setLinger(0);
            Peer.connect(gone, address);
            gone.send("none"); // held: nothing to send yet
            Thread.sleep(500);
            context.destroySocket(gone); // and away, its request still held
            Thread.sleep(500);
            goneWorkerAsked.countDown();
            ZMQ.Socket req = context.createSocket(SocketType.REQ);
            Peer.connect(req, address);
            return frames(askUntilEnd(req, "none"));
        });
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        records(env, 20, 100).map(m -> {
            goneWorkerAsked.await(30, TimeUnit.SECONDS); // no frame before the first worker asked and left
            return m;
        }).setParallelism(1).sinkTo(distributor(address, "none")
                .set(ZmqOptions.DISTRIBUTOR_HOLD, Duration.ofSeconds(30)) // still held when the first frame comes
                .build()).setParallelism(1);
        env.execute();

        assertThat(worker.result(30)).as("every frame, none to the worker that went away")
                .containsExactlyInAnyOrderElementsOf(numbered(20));
        worker.close();
    }

    @Test
    void aSinkThatBindsRefusesToRunInParallel() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        records(env, 10, 100).sinkTo(ZmqSink.<String>builder().set(ZmqOptions.TRANSPORT, transport())
                .setPattern(ZmqSinkPattern.PUB)
                .setEndpoint(ZmqEndpoint.bind(Ports.freeAddress()))
                .setSerializer(new TextSchema())
                .build()).setParallelism(2);
        assertThatThrownBy(env::execute).hasStackTraceContaining("must run with parallelism 1, not 2");
    }
}
