package io.videostream.job.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.TestImages;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.codec.wire.WireLimits;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.HostileZmtp;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.PyStreamingSchema;
import io.videostream.job.WorkerJob;
import io.videostream.job.fuzz.HostileMessages.Message;
import io.videostream.job.fuzz.HostileMessages.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Fuzzing: seeded hostile messages (system property {@code fuzz.seed}; a new seed each run, printed)
 * interleaved with good frames, sent to the source and to the worker job while other peers connect
 * with bytes that are not ZeroMQ or announce parts of gigabytes. Every good frame must arrive, and
 * every bad message must be counted exactly once, where it is refused.
 */
class HostileMessagesITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS);

    private static final int HOSTILE = 10_000;
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    @Test
    void theSourceTakesEveryGoodFrameAndCountsEveryMessageItRefuses() throws Exception {
        String address = Ports.freeAddress();
        WireLimits limits = new WireLimits(64 << 10, 1 << 20, 8192, 8192); // small, so "too large" is cheap
        List<Message> messages = interleaved(new HostileMessages(SEED, smallJpeg(), limits.maxImageBytes()), 1000);
        CollectingSink<Long> sink = new CollectingSink<>("fuzz-source");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSource(ZmqSource.<Frame>builder()
                        .setPattern(ZmqSourcePattern.PULL)
                        .addEndpoint(ZmqEndpoint.bind(address))
                        .setDeserializer(new PyStreamingSchema(null, limits, true))
                        .build(), WatermarkStrategy.noWatermarks(), "fuzzed")
                .map(Frame::fno)
                .sinkTo(sink);

        JobClient job = env.executeAsync();
        try (Peer<Void> peer = Peer.start(context -> send(context, address, messages))) {
            peer.result(120);
            JobExecutionResult result = job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            assertThat(new TreeSet<>(sink.results())).as(seed())
                    .isEqualTo(fnos(messages, Refusal.NONE, Refusal.CODEC));
            assertThat(sink.results()).as(seed()).doesNotHaveDuplicates();
            assertThat(counter(result.getJobID(), "numRecordsInErrors")).as(seed())
                    .isEqualTo(count(messages, Refusal.WIRE));
        }
    }

    @Test
    void theWorkerJobProcessesEveryGoodFrameAndCountsEveryBadOneOnce() throws Exception {
        String source = Ports.freeAddress();
        String drain = Ports.freeAddress();
        List<Message> messages = interleaved(new HostileMessages(SEED + 1, smallJpeg(), WireLimits.DEFAULT
                .maxImageBytes()), 500);
        var options = new WorkerJob.Options(List.of(ZmqEndpoint.bind(source)), ZmqSourcePattern.PULL, "none", 3,
                ZmqEndpoint.connect(drain), ZmqSinkPattern.PUSH, "gray", false, Long.MAX_VALUE, JpegSettings.DEFAULT, 2,
                false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new WorkerJob(options, WorkerJob.zeromqSource(options), WorkerJob.zeromqSink(options)).build(env);

        try (Peer<Set<Long>> collector = Peer.start(context -> collect(context, drain))) {
            JobClient job = env.executeAsync();
            try (Peer<Void> peer = Peer.start(context -> send(context, source, messages))) {
                peer.result(120);
                JobExecutionResult result = job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
                assertThat(collector.result(30)).as(seed()).isEqualTo(fnos(messages, Refusal.NONE));
                assertThat(counter(result.getJobID(), "numRecordsInErrors")).as(seed())
                        .isEqualTo(count(messages, Refusal.WIRE));
                assertThat(counter(result.getJobID(), "badFrames")).as(seed())
                        .isEqualTo(count(messages, Refusal.CODEC));
            }
        }
    }

    /** The good frames and {@value #HOSTILE} hostile messages in a random order, good frames in theirs. */
    private static List<Message> interleaved(HostileMessages generator, int good) {
        Random random = new Random(SEED);
        List<Boolean> isGood = new ArrayList<>();
        for (int i = 0; i < good + HOSTILE; i++) {
            isGood.add(i < good);
        }
        Collections.shuffle(isGood, random);
        return isGood.stream().map(g -> g ? generator.good() : generator.hostile()).toList();
    }

    /**
     * Sends the messages and STOPSTREAM; meanwhile, at four points, other peers connect with HTTP, random
     * bytes, and ZMTP announcing parts of 2 GiB (then sending noise) and of 2^64 - 1 bytes.
     */
    private static Void send(ZContext context, String address, List<Message> messages) throws Exception {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        Peer.connect(push, address);
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        List<HostileZmtp> intruders = new ArrayList<>();
        Random random = new Random(SEED);
        for (int i = 0; i < messages.size(); i++) {
            if (i % (messages.size() / 4) == messages.size() / 8) { // the job took the first 1000 by then
                byte[] noise = new byte[256];
                random.nextBytes(noise);
                intruders.add(HostileZmtp.raw(port, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                intruders.add(HostileZmtp.raw(port, noise));
                intruders.add(HostileZmtp.handshaken(port, "PUSH").announce(1L << 31, noise));
                // Nothing after it: a ZeroMQ peer would never announce 2^64 - 1 bytes, and what follows such a
                // refused announcement is read as the messages it forms, each counted once
                intruders.add(HostileZmtp.handshaken(port, "PUSH").announce(-1L, new byte[0]));
            }
            Peer.send(push, messages.get(i).parts());
        }
        Peer.send(push, new PyStreamingSchema().endOfStream());
        for (HostileZmtp intruder : intruders) {
            intruder.close();
        }
        return null;
    }

    /** A collecting receiver: the frame numbers of the frames that arrive, until STOPSTREAM. */
    private static Set<Long> collect(ZContext context, String address) throws Exception {
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.setReceiveTimeOut(120_000);
        pull.bind(address);
        PyStreamingWire wire = new PyStreamingWire();
        Set<Long> fnos = new TreeSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            List<byte[]> parts = Peer.receive(pull);
            if (parts == null) {
                throw new AssertionError("nothing came for 2 minutes; got " + fnos.size() + " frames");
            }
            long fno = wire.decode("worker", parts).fno();
            if (fno == PyStreamingWire.STOPSTREAM) {
                break;
            }
            assertThat(fnos.add(fno)).as("frame %d came twice", fno).isTrue();
        }
        return fnos;
    }

    private static byte[] smallJpeg() {
        try (JpegCodec codec = JpegCodecs.create()) {
            return codec.encode(TestImages.gradient(64, 48));
        }
    }

    private static Set<Long> fnos(List<Message> messages, Refusal... refusals) {
        Set<Refusal> wanted = Set.of(refusals);
        Set<Long> fnos = new TreeSet<>();
        messages.stream().filter(m -> wanted.contains(m.refusal())).forEach(m -> fnos.add(m.fno()));
        return fnos;
    }

    private static long count(List<Message> messages, Refusal refusal) {
        return messages.stream().filter(m -> m.refusal() == refusal).count();
    }

    private static long counter(JobID job, String name) {
        return METRICS.findMetrics(job, name).values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    private static String seed() {
        return "fuzz.seed=" + SEED;
    }
}
