package io.videostream.connector.zeromq.benchmark;

import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The connector alone: messages of a 720p JPEG's size from a jeromq PUSH through a Flink job
 * (ZmqSource PULL -> ZmqSink PUSH, BLOCK, parallelism 1) to a jeromq PULL, against a plain jeromq
 * PUSH -> PULL loop measured in the same run, and against a plain relay that makes the same two hops
 * without Flink (a thread that pulls and pushes on). Prints messages/s, MB/s and the ratios.
 *
 * <p>Arguments: [messages (default 100000)] [message bytes (default 35000)] [rounds (default 3)].
 */
public final class ConnectorThroughput {
    private ConnectorThroughput() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 35_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 7);
        System.out.printf(Locale.ROOT, "%d messages of %d bytes, best of %d rounds each%n", messages, size, rounds);

        double plain = 0;
        double relay = 0;
        double flink = 0;
        for (int round = 0; round < rounds; round++) {
            plain = Math.max(plain, plainLoop(messages, payload));
            relay = Math.max(relay, plainRelay(messages, payload));
            flink = Math.max(flink, throughFlink(messages, payload));
        }
        report("plain jeromq PUSH -> PULL", plain, size);
        report("plain relay PUSH -> PULL|PUSH -> PULL", relay, size);
        report("PUSH -> Flink (ZmqSource -> ZmqSink) -> PULL", flink, size);
        System.out.printf(Locale.ROOT, "ratio: %.2f of the plain loop, %.2f of the plain relay (the same two hops)%n",
                flink / plain, flink / relay);
    }

    private static void report(String what, double perSecond, int size) {
        System.out.printf(Locale.ROOT, "%-46s %9.0f messages/s %8.1f MB/s%n", what, perSecond, perSecond * size / 1e6);
    }

    /** Messages per second through one PUSH -> PULL pair on loopback TCP. */
    static double plainLoop(int messages, byte[] payload) throws Exception {
        String address = Ports.freeAddress();
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.bind(address);
            CompletableFuture<Void> sender = send(address, messages, payload, false);
            double rate = receiveRate(pull, messages);
            sender.get();
            return rate;
        }
    }

    /** Messages per second through PUSH -> [a thread: PULL -> PUSH] -> PULL, the Flink job's two hops. */
    static double plainRelay(int messages, byte[] payload) throws Exception {
        String in = Ports.freeAddress();
        String out = Ports.freeAddress();
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.bind(out);
            CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> {
                try (ZContext relayContext = new ZContext(1)) {
                    relayContext.setLinger(10_000);
                    ZMQ.Socket from = relayContext.createSocket(SocketType.PULL);
                    from.bind(in);
                    ZMQ.Socket to = relayContext.createSocket(SocketType.PUSH);
                    Peer.connect(to, out);
                    for (int i = 0; i < messages; i++) {
                        to.send(from.recv(0), 0);
                    }
                }
            });
            CompletableFuture<Void> sender = send(in, messages, payload, false);
            double rate = receiveRate(pull, messages);
            sender.get();
            relay.get();
            return rate;
        }
    }

    /** Messages per second through PUSH -> [Flink: PULL source -> PUSH sink] -> PULL. */
    static double throughFlink(int messages, byte[] payload) throws Exception {
        String in = Ports.freeAddress();
        String out = Ports.freeAddress();
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.bind(out);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
            env.fromSource(ZmqSource.<byte[]>builder()
                            .setPattern(ZmqSourcePattern.PULL)
                            .addEndpoint(ZmqEndpoint.bind(in))
                            .setDeserializer(new BytesSchema())
                            .build(), WatermarkStrategy.noWatermarks(), "zeromq in")
                    .sinkTo(ZmqSink.<byte[]>builder()
                            .setPattern(ZmqSinkPattern.PUSH)
                            .setEndpoint(ZmqEndpoint.connect(out))
                            .setSerializer(new BytesSchema())
                            .setFlowControl(FlowControl.BLOCK)
                            .build());
            CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
                try {
                    env.execute("connector throughput");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<Void> sender = send(in, messages, payload, true);
            double rate = receiveRate(pull, messages);
            sender.get();
            job.get();
            return rate;
        }
    }

    /** Receives the messages; returns messages per second from the first to the last. */
    private static double receiveRate(ZMQ.Socket pull, int messages) {
        pull.recv(0);
        long start = System.nanoTime();
        for (int i = 1; i < messages; i++) {
            pull.recv(0);
        }
        return (messages - 1) / ((System.nanoTime() - start) / 1e9);
    }

    private static CompletableFuture<Void> send(String address, int messages, byte[] payload, boolean end) {
        return CompletableFuture.runAsync(() -> {
            try (ZContext context = new ZContext(1)) {
                context.setLinger(10_000);
                ZMQ.Socket push = context.createSocket(SocketType.PUSH);
                Peer.connect(push, address);
                for (int i = 0; i < messages; i++) {
                    push.send(payload, 0);
                }
                if (end) {
                    push.send(BytesSchema.END, 0);
                }
            }
        });
    }
}
