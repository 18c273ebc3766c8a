package io.videostream.connector.zeromq;

import static io.videostream.connector.zeromq.TextSchema.message;
import static io.videostream.connector.zeromq.TestCluster.counter;
import static io.videostream.connector.zeromq.TestCluster.numbered;
import static io.videostream.connector.zeromq.TestCluster.restarting;
import static io.videostream.connector.zeromq.TestCluster.restarts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourceBuilder;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** The source against plain jeromq peers on loopback, in a real MiniCluster. */
class ZmqSourceITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    private static ZmqTransport transport() {
        return TestTransport.current();
    }

    private ZmqSource<String> source(ZmqSourcePattern pattern, ZmqEndpoint... endpoints) {
        var builder = ZmqSource.<String>builder().set(ZmqOptions.TRANSPORT, transport()).setPattern(pattern).setDeserializer(new TextSchema());
        for (ZmqEndpoint endpoint : endpoints) {
            builder.addEndpoint(endpoint);
        }
        return builder.build();
    }

    /** A REQ source of text messages asking the distributor at {@code address} for {@code track}. */
    private static ZmqSourceBuilder<String> reqSource(String address, String track) {
        return ZmqSource.<String>builder().set(ZmqOptions.TRANSPORT, transport())
                .setPattern(ZmqSourcePattern.REQ)
                .addEndpoint(ZmqEndpoint.connect(address))
                .setTrack(track)
                .setDeserializer(new TextSchema());
    }

    /** Runs source -> collecting sink until the job ends by itself (see {@link #awaitEnd}). */
    private static JobExecutionResult run(ZmqSource<String> source, CollectingSink<String> sink, int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "zeromq").sinkTo(sink);
        return awaitEnd(env.executeAsync(), sink);
    }

    @Test
    void pullCollectsEverythingInOrderSkipsJunkAndEndsWithTheStream() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("pull");
        try (Peer<Void> pusher = Peer.start(context -> {
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            Peer.connect(push, address);
            for (int i = 0; i < 100; i++) {
                if (i == 50) {
                    Peer.send(push, message("JUNK in the middle"));
                    Peer.send(push, List.of(new byte[] {1}, new byte[] {2}));
                }
                Peer.send(push, message("m" + i));
            }
            Peer.send(push, message(TextSchema.END));
            return null;
        })) {
            JobExecutionResult result = run(source(ZmqSourcePattern.PULL, ZmqEndpoint.bind(address)), sink, 1);
            pusher.result(10);
            assertThat(sink.results()).containsExactlyElementsOf(numbered(100));
            assertThat(counter(METRICS, result.getJobID(), "numRecordsInErrors")).isEqualTo(2);
        }
    }

    @Test
    void aRepHubAnswersEverySenderOnceItsMessageIsTakenTheUnreadableToo() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("rep-hub");
        try (Peer<Integer> sender = Peer.start(context -> {
            ZMQ.Socket req = context.createSocket(SocketType.REQ);
            req.setReceiveTimeOut(10_000);
            Peer.connect(req, address);
            int replies = 0;
            for (int i = 0; i <= 100; i++) {
                Peer.send(req, i == 50 ? List.of(new byte[] {1}, new byte[] {2}) : message("m" + (i < 50 ? i : i - 1)));
                List<byte[]> reply = Peer.receive(req); // a sender waits for the hub, as imagezmq's does
                assertThat(reply).as("the reply to request %d, within 10 s", i).isNotNull();
                replies += reply.size() == 1 && reply.get(0).length == 0 ? 1 : 0;
            }
            Peer.send(req, message(TextSchema.END));
            return replies;
        })) {
            JobExecutionResult result = run(source(ZmqSourcePattern.REP, ZmqEndpoint.bind(address)), sink, 1);
            assertThat(sender.result(10)).as("replies, one per request, the unreadable one too").isEqualTo(101);
            assertThat(sink.results()).containsExactlyElementsOf(numbered(100));
            assertThat(counter(METRICS, result.getJobID(), "numRecordsInErrors")).isEqualTo(1);
        }
    }

    /**
     * Holds the job's first record until the fast peer below could not send any more: static, for the
     * job's map function; a new one for each run.
     */
    private static volatile CountDownLatch peerHeldBack;

    @Test
    void pullHoldsAFastPeerBackWhileTheJobIsBusySoMemoryStaysBounded() throws Exception {
        String address = Ports.freeAddress();
        String padding = "x".repeat(64 << 10);
        int count = 3000; // 192 MiB: what an unbounded receive would take in while the job is busy
        CollectingSink<String> sink = new CollectingSink<>("held-back");
        peerHeldBack = new CountDownLatch(1);
        try (Peer<Integer> pusher = Peer.start(context -> {
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.setSndHWM(10);
            push.setSendTimeOut(3000);
            Peer.connect(push, address);
            int sentBeforeHeldBack = -1;
            try {
                for (int i = 0; i < count; i++) {
                    if (!Peer.send(push, message("m" + i + ":" + padding))) {
                        assertThat(sentBeforeHeldBack).as("held back only while the job was busy").isNegative();
                        sentBeforeHeldBack = i;
                        peerHeldBack.countDown();
                        i--; // send it again, now that the job takes messages
                    }
                }
                Peer.send(push, message(TextSchema.END));
            } finally {
                peerHeldBack.countDown();
            }
            return sentBeforeHeldBack;
        })) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.fromSource(source(ZmqSourcePattern.PULL, ZmqEndpoint.bind(address)), WatermarkStrategy.noWatermarks(),
                            "zeromq")
                    .map(m -> {
                        peerHeldBack.await(60, TimeUnit.SECONDS);
                        return m.substring(0, m.indexOf(':'));
                    })
                    .sinkTo(sink);
            awaitEnd(env.executeAsync(), sink);

            int sentBeforeHeldBack = pusher.result(10);
            assertThat(sentBeforeHeldBack).as("the peer was held back").isPositive();
            // A reader holds a few fetches of at most 4 MiB, ZeroMQ 10 + 10 messages, the kernel its
            // socket buffers: far below 64 MiB of 64 KiB messages.
            assertThat(sentBeforeHeldBack).as("messages taken in while the job was busy").isLessThan(1024);
            assertThat(sink.results()).as("and nothing was lost").containsExactlyElementsOf(numbered(count));
        }
    }

    @Test
    void subReceivesFromAPublisherAndSpreadsEndpointsOverReaders() throws Exception {
        List<String> addresses = List.of(Ports.freeAddress(), Ports.freeAddress(), Ports.freeAddress());
        CollectingSink<String> sink = new CollectingSink<>("sub");
        List<Peer<Void>> publishers = new ArrayList<>();
        for (String address : addresses) {
            publishers.add(Peer.start(context -> {
                // XPUB sees the subscription arrive, so nothing is published before anyone listens.
                ZMQ.Socket xpub = context.createSocket(SocketType.XPUB);
                xpub.bind(address);
                xpub.setReceiveTimeOut(30_000);
                byte[] subscription = xpub.recv(0);
                assertThat(subscription).as("a subscription to everything").containsExactly(1);
                for (int i = 0; i < 20; i++) {
                    Peer.send(xpub, message(address + "/" + i));
                }
                Peer.send(xpub, message(TextSchema.END));
                return null;
            }));
        }
        ZmqEndpoint[] endpoints = addresses.stream().map(ZmqEndpoint::connect).toArray(ZmqEndpoint[]::new);
        run(source(ZmqSourcePattern.SUB, endpoints), sink, 2);
        for (Peer<Void> publisher : publishers) {
            publisher.result(10);
            publisher.close();
        }
        assertThat(sink.results()).hasSize(60);
        for (String address : addresses) {
            List<String> fromThisOne = sink.results().stream().filter(m -> m.startsWith(address + "/")).toList();
            assertThat(fromThisOne).as("in order per endpoint")
                    .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> address + "/" + i).toList());
        }
    }

    @Test
    void reqAsksADistributorForItsTrackRetriesWhenEmptyAndEndsWithTheStream() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("req");
        try (Peer<List<String>> distributor = Peer.start(context -> {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            rep.bind(address);
            rep.setReceiveTimeOut(10_000);
            List<String> requests = new ArrayList<>();
            int next = 0;
            int ended = 0;
            while (ended < 3) { // every one of the three requesters must learn that the stream ended
                byte[] request = rep.recv(0);
                if (request == null) {
                    break;
                }
                requests.add(new String(request, StandardCharsets.UTF_8));
                String reply = requests.size() <= 4 ? TextSchema.MISS : next < 30 ? "m" + next++ : TextSchema.END;
                ended += reply.equals(TextSchema.END) ? 1 : 0;
                Peer.send(rep, message(reply));
            }
            return requests;
        })) {
            ZmqSource<String> source = reqSource(address, "none")
                    .setRequestsInFlight(3)
                    .build();
            run(source, sink, 1);
            assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(numbered(30));
            List<String> requests = distributor.result(10);
            assertThat(requests).allMatch("none"::equals).hasSizeGreaterThanOrEqualTo(30 + 4 + 1);
        }
    }

    @Test
    void readersSharingADistributorEachAskForFramesAndEachEndWithTheStream() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("req-shared");
        try (Peer<Set<String>> distributor = Peer.start(context -> {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.bind(address);
            router.setReceiveTimeOut(10_000);
            Set<String> requesters = new HashSet<>();
            int next = 0;
            while (true) { // after the frames, the end of stream to whoever asks, until nobody does
                ZMsg request = ZMsg.recvMsg(router);
                if (request == null) {
                    break;
                }
                requesters.add(request.peekFirst().toString());
                String reply = next < 200 ? "m" + next++ : TextSchema.END;
                if (reply.equals(TextSchema.END)) {
                    router.setReceiveTimeOut(2000);
                }
                answer(router, request, reply);
            }
            return requesters;
        })) {
            ZmqSource<String> source = reqSource(address, "none")
                    .setReadersPerEndpoint(2)
                    .build();
            run(source, sink, 2);
            assertThat(sink.results()).as("every frame once").containsExactlyInAnyOrderElementsOf(numbered(200));
            assertThat(distributor.result(10)).as("two readers with their three requesters each")
                    .hasSizeGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void readersSharingAPystreamingDistributorAllEndThoughOnlyOneRequesterIsToldTheEnd() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("req-pystreaming-end");
        try (Peer<Integer> distributor = Peer.start(context -> {
            // As pystreaming's distributor: the end of stream is queued like a frame and handed out once,
            // "not available" answers everyone after it, and the distributor goes away a second later.
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.bind(address);
            router.setReceiveTimeOut(10_000);
            int next = 0;
            long closeAt = Long.MAX_VALUE;
            while (System.nanoTime() < closeAt) {
                ZMsg request = ZMsg.recvMsg(router);
                if (request == null) {
                    break;
                }
                String reply = next < 100 ? "m" + next : next == 100 ? TextSchema.END : TextSchema.MISS;
                if (next++ == 100) {
                    closeAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    router.setReceiveTimeOut(1000);
                }
                answer(router, request, reply);
            }
            return next - 101;
        })) {
            ZmqSource<String> source = reqSource(address, "none")
                    .setReadersPerEndpoint(2)
                    .build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "zeromq").sinkTo(sink);
            awaitEnd(env.executeAsync(), sink);
            assertThat(sink.results()).as("every frame once").containsExactlyInAnyOrderElementsOf(numbered(100));
            assertThat(distributor.result(10)).as("requests answered \"not available\" after the end").isPositive();
        }
    }

    @Test
    void whileTheDistributorHasNoFrameOnlyThreeRequestersKeepAskingAndAllAskOnceFramesCome() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("req-parked");
        try (Peer<List<Set<String>>> distributor = Peer.start(context -> {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.bind(address);
            router.setReceiveTimeOut(10_000);
            Set<String> askedOnce = new HashSet<>();
            Set<String> askedAgainWhileEmpty = new HashSet<>();
            Set<String> askedForFrames = new HashSet<>();
            long framesFrom = 0;
            int next = 0;
            while (true) { // a second of "not available", then the frames, then the end to whoever asks
                ZMsg request = ZMsg.recvMsg(router);
                if (request == null) {
                    break;
                }
                String requester = request.peekFirst().toString();
                framesFrom = framesFrom == 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(1) : framesFrom;
                if (System.nanoTime() < framesFrom) {
                    (askedOnce.add(requester) ? askedOnce : askedAgainWhileEmpty).add(requester);
                    answer(router, request, TextSchema.MISS);
                    continue;
                }
                askedForFrames.add(requester);
                String reply = next < 200 ? "m" + next++ : TextSchema.END;
                if (reply.equals(TextSchema.END)) {
                    router.setReceiveTimeOut(2000);
                }
                answer(router, request, reply);
            }
            return List.of(askedOnce, askedAgainWhileEmpty, askedForFrames);
        })) {
            ZmqSource<String> source = reqSource(address, "none")
                    .setRequestsInFlight(8)
                    .build();
            run(source, sink, 1);
            assertThat(sink.results()).as("every frame once").containsExactlyInAnyOrderElementsOf(numbered(200));
            List<Set<String>> asked = distributor.result(10);
            assertThat(asked.get(0)).as("requesters").hasSize(8);
            assertThat(asked.get(1)).as("requesters that asked again while there was no frame").hasSize(3);
            assertThat(asked.get(2)).as("requesters that asked once frames came").hasSize(8);
        }
    }

    /** A ROUTER's answer to a REQ: the requester's routing id, the empty delimiter, then the message. */
    private static void answer(ZMQ.Socket router, ZMsg request, String text) {
        ZMsg answer = new ZMsg();
        answer.add(request.pop());
        answer.add(request.pop());
        message(text).forEach(answer::add);
        answer.send(router);
    }

    /** Set when the job has been busy with its first record; a new one for each run. */
    private static volatile AtomicBoolean wasBusy;

    @Test
    void reqLosesNothingWhenTheJobIsBusyForLongerThanTheRequestTimeout() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("req-busy");
        wasBusy = new AtomicBoolean();
        try (Peer<Integer> distributor = Peer.start(context -> serve(context, address, 30))) {
            ZmqSource<String> source = reqSource(address, "none")
                    .setRequestsInFlight(3)
                    .set(ZmqOptions.REQUEST_TIMEOUT, Duration.ofMillis(200))
                    .build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "zeromq")
                    .map(m -> {
                        // Busy for ten request timeouts: the reader's queue fills, its fetcher waits, and
                        // answers wait unread in its sockets.
                        if (wasBusy.compareAndSet(false, true)) {
                            Thread.sleep(2000);
                        }
                        return m;
                    })
                    .sinkTo(sink);
            awaitEnd(env.executeAsync(), sink);
            assertThat(distributor.result(10)).as("answered").isEqualTo(30);
        }
        assertThat(sink.results()).as("every answer taken, none asked again and thrown away")
                .containsExactlyInAnyOrderElementsOf(numbered(30));
    }

    @Test
    void reqLosesNothingWhenTheDistributorStartsLongAfterTheJob() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("req-late-distributor");
        JobClient job = startReq(address, Duration.ofMillis(200), sink);
        Thread.sleep(1500); // seven request timeouts with nobody there: requests asked again would pile up
        try (Peer<Integer> distributor = Peer.start(context -> serve(context, address, 30))) {
            awaitEnd(job, sink);
            assertThat(distributor.result(10)).as("answered").isEqualTo(30);
        }
        assertThat(sink.results()).as("every answer taken, none to a request asked again")
                .containsExactlyInAnyOrderElementsOf(numbered(30));
    }

    /** A REQ source (three requests in flight) into the sink, started. */
    private static JobClient startReq(String address, Duration timeout, CollectingSink<String> sink) throws Exception {
        ZmqSource<String> source = reqSource(address, "none")
                .setRequestsInFlight(3)
                .set(ZmqOptions.REQUEST_TIMEOUT, timeout)
                .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "zeromq").sinkTo(sink);
        return env.executeAsync();
    }

    /** A distributor answering m0..m[count) and then the end of stream until three requesters know it (or none asks). */
    private static int serve(ZContext context, String address, int count) {
        ZMQ.Socket rep = context.createSocket(SocketType.REP);
        rep.bind(address);
        rep.setReceiveTimeOut(10_000);
        int next = 0;
        int ended = 0;
        for (int i = 0; i < 10_000 && ended < 3; i++) {
            if (rep.recv(0) == null) {
                break;
            }
            String reply = next < count ? "m" + next++ : TextSchema.END;
            if (reply.equals(TextSchema.END)) {
                ended++;
                rep.setReceiveTimeOut(1000); // a requester that ended by its timeout asks no more
            }
            Peer.send(rep, message(reply));
        }
        return next;
    }

    @Test
    void reqAsksAgainWhenTheDistributorWentAwayWithItsRequestsAndGoesOnWithTheOneThatReplacesIt() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("req-replaced");
        JobClient job = startReq(address, Duration.ofMillis(300), sink);
        try (Peer<Void> vanishing = Peer.start(context -> {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            rep.bind(address);
            rep.setReceiveTimeOut(30_000);
            assertThat(rep.recv(0)).as("a request").isNotNull();
            return null; // gone, with the requests it took and never answered
        })) {
            vanishing.result(40);
        }
        try (Peer<Integer> replacement = Peer.start(context -> serve(context, address, 10))) {
            awaitEnd(job, sink);
            assertThat(replacement.result(10)).isEqualTo(10);
        }
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(numbered(10));
        assertThat(counter(METRICS, job.getJobID(), "reconnects")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnknownTrackFailsTheJobAtOnceInsteadOfRestartingIt() throws Exception {
        String address = Ports.freeAddress();
        AtomicBoolean done = new AtomicBoolean();
        // Answers every request with UNKNOWN for as long as the test runs (at most 60 s), however long
        // the job takes to start; it ends before its context closes.
        Peer<Void> distributor = Peer.start(context -> {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            rep.bind(address);
            rep.setReceiveTimeOut(100);
            for (int i = 0; i < 600 && !done.get(); i++) {
                if (rep.recv(0) != null) {
                    Peer.send(rep, message(TextSchema.UNKNOWN));
                }
            }
            return null;
        });
        try {
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(restarting(1000, Duration.ofMillis(100)));
            env.setParallelism(1);
            env.fromSource(reqSource(address, "bogus").build(), WatermarkStrategy.noWatermarks(), "zeromq")
                    .sinkTo(new CollectingSink<>("unknown-track-no-restart"));
            JobClient job = env.executeAsync();
            assertThatThrownBy(() -> job.getJobExecutionResult().get(30, TimeUnit.SECONDS))
                    .hasStackTraceContaining("does not serve track 'bogus'");
            assertThat(restarts(METRICS, job.getJobID())).isZero();
        } finally {
            done.set(true);
            distributor.result(10);
            distributor.close();
        }
    }

    @Test
    void resumesWhenThePeerRestartsAndWaitsForAPeerThatIsNotThereYet() throws Exception {
        String address = Ports.freeAddress();
        CollectingSink<String> sink = new CollectingSink<>("restart");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSource(source(ZmqSourcePattern.PULL, ZmqEndpoint.connect(address)), WatermarkStrategy.noWatermarks(),
                "zeromq").sinkTo(sink);
        JobClient job = env.executeAsync();

        Thread.sleep(1500);
        assertThat(job.getJobStatus().get()).as("no peer yet, and the job waits").isEqualTo(JobStatus.RUNNING);
        try (Peer<Void> first = Peer.start(context -> pushAndLeave(context, address, 0, 10, false))) {
            first.result(20);
        }
        try (Peer<Void> second = Peer.start(context -> pushAndLeave(context, address, 10, 20, true))) {
            second.result(20);
        }
        awaitEnd(job, sink);
        assertThat(sink.results()).containsExactlyElementsOf(numbered(20));
        assertThat(counter(METRICS, job.getJobID(), "reconnects")).isGreaterThanOrEqualTo(1);
    }

    /**
     * Waits for the job to end by itself, at most a minute: a job that does not end is cancelled and the
     * test fails with what it received (rather than hanging until the test's timeout interrupts it).
     */
    private static JobExecutionResult awaitEnd(JobClient job, CollectingSink<String> sink) throws Exception {
        try {
            return job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            job.cancel();
            throw new AssertionError("the job did not end; it received " + sink.results(), e);
        }
    }

    /** Binds a PUSH, sends m[from..to), optionally the end marker, waits until it was taken, and goes away. */
    private static Void pushAndLeave(org.zeromq.ZContext context, String address, int from, int to, boolean end) {
        context.setLinger(5000); // destroySocket applies the context's linger
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.bind(address);
        for (int i = from; i < to; i++) {
            Peer.send(push, message("m" + i));
        }
        if (end) {
            Peer.send(push, message(TextSchema.END));
        }
        context.destroySocket(push); // lingers until the messages are taken
        return null;
    }
}
