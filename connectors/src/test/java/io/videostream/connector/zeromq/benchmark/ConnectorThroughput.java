package io.videostream.connector.zeromq.benchmark;

import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.internal.libzmq.NativeContext;
import io.videostream.connector.zeromq.internal.libzmq.NativeSocket;
import io.videostream.connector.zeromq.internal.libzmq.NativeZmq;
import io.videostream.connector.zeromq.internal.libzmq.ZapHandler;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkBuilder;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourceBuilder;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The connector alone, on each of its wires: messages of a 720p JPEG's size from a PUSH through a
 * Flink job (ZmqSource PULL -> ZmqSink PUSH, BLOCK, parallelism 1) to a PULL, against references
 * measured in the same run on the same wire: a plain PUSH -> PULL loop, and a relay that makes the same
 * two hops without Flink (a thread that pulls and pushes on). The wires: jeromq; the native libzmq; the
 * native libzmq with CURVE on every hop (each end that binds is a CURVE server letting in only the
 * client that connects to it). On the libzmq wires the benchmark's own peers are libzmq sockets too.
 * Prints messages/s, MB/s and the ratios.
 *
 * <p>Arguments: [messages (default 100000)] [message bytes (default 35000)] [rounds (default 3)].
 */
public final class ConnectorThroughput {
    /** How long a peer waits for a message or for room to send one before the run fails. */
    private static final int TIMEOUT_MILLIS = 30_000;
    /** How long a sending peer's last messages may take to leave after it closed. */
    private static final int LINGER_MILLIS = 10_000;
    /** The native peers' queues, jeromq's default (which the jeromq peers keep). */
    private static final int HWM = 1000;

    private ConnectorThroughput() {}

    /** How the connector and the benchmark's own peers talk. */
    enum Wire {
        JEROMQ("jeromq", ZmqTransport.JEROMQ, false, true),
        LIBZMQ("libzmq", ZmqTransport.LIBZMQ, false, false),
        CURVE("libzmq CURVE", ZmqTransport.LIBZMQ, true, false);

        final String label;
        final ZmqTransport transport;
        final boolean curve;
        /**
         * Whether the connector's source and sink share one context, so one I/O thread (jeromq's
         * SharedContext), or each has its own (libzmq's NativeSession): the relay holds its two sockets so.
         */
        final boolean sharedContext;

        Wire(String label, ZmqTransport transport, boolean curve, boolean sharedContext) {
            this.label = label;
            this.transport = transport;
            this.curve = curve;
            this.sharedContext = sharedContext;
        }

        /** A context for peers on this wire, to be used by one thread. */
        Node node() {
            return transport == ZmqTransport.JEROMQ ? new JeromqNode() : new NativeNode(curve);
        }
    }

    /** One way of moving the messages, measured on a wire: messages per second at the receiving end. */
    interface Measure {
        double rate(Wire wire, int messages, byte[] payload) throws Exception;
    }

    record Shape(String name, Measure measure) {}

    static final List<Shape> SHAPES = List.of(
            new Shape("PUSH -> PULL", ConnectorThroughput::loop),
            new Shape("PUSH -> PULL|PUSH -> PULL (relay)", ConnectorThroughput::relay),
            new Shape("PUSH -> Flink (ZmqSource -> ZmqSink) -> PULL", ConnectorThroughput::throughFlink));
    /** Indexes in {@link #SHAPES}. */
    static final int LOOP = 0;
    static final int RELAY = 1;
    static final int FLINK = 2;

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1); // a Flink job or a peer may still wait on a socket
        }
    }

    private static void run(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 35_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 7);
        System.out.printf(Locale.ROOT, "%d messages of %d bytes, best of %d rounds each; libzmq %s%n",
                messages, size, rounds, NativeZmq.version());

        Wire[] wires = Wire.values();
        double[][] best = new double[wires.length][SHAPES.size()];
        for (int round = 0; round < rounds; round++) {
            for (Wire wire : wires) {
                for (int shape = 0; shape < SHAPES.size(); shape++) {
                    double rate = SHAPES.get(shape).measure().rate(wire, messages, payload);
                    best[wire.ordinal()][shape] = Math.max(best[wire.ordinal()][shape], rate);
                }
            }
        }
        for (Wire wire : wires) {
            for (int shape = 0; shape < SHAPES.size(); shape++) {
                double perSecond = best[wire.ordinal()][shape];
                System.out.printf(Locale.ROOT, "%-58s %9.0f messages/s %8.1f MB/s%n",
                        wire.label + " " + SHAPES.get(shape).name(), perSecond, perSecond * size / 1e6);
            }
        }
        for (Wire wire : wires) {
            double[] rates = best[wire.ordinal()];
            System.out.printf(Locale.ROOT, "ratio %-13s through Flink: %.2f of the loop, %.2f of the relay "
                    + "(the same two hops), on the same wire%n", wire.label, rates[FLINK] / rates[LOOP],
                    rates[FLINK] / rates[RELAY]);
        }
        double[] plain = best[Wire.LIBZMQ.ordinal()];
        double[] curve = best[Wire.CURVE.ordinal()];
        System.out.printf(Locale.ROOT, "CURVE / plain through Flink (libzmq): %.2f; loop %.2f; relay %.2f%n",
                curve[FLINK] / plain[FLINK], curve[LOOP] / plain[LOOP], curve[RELAY] / plain[RELAY]);
    }

    /** PUSH -> PULL, one hop over loopback TCP. */
    static double loop(Wire wire, int messages, byte[] payload) throws Exception {
        String address = Ports.freeAddress();
        Hop hop = Hop.generate();
        try (Node node = wire.node()) {
            Receiver pull = node.pull(address, hop);
            CompletableFuture<Void> sender = send(wire, address, hop, messages, payload, false);
            double rate = receiveRate(pull, messages);
            sender.get();
            return rate;
        }
    }

    /** PUSH -> [a thread: PULL -> PUSH] -> PULL, the Flink job's two hops, in its contexts. */
    static double relay(Wire wire, int messages, byte[] payload) throws Exception {
        String in = Ports.freeAddress();
        String out = Ports.freeAddress();
        Hop into = Hop.generate();
        Hop outOf = Hop.generate();
        try (Node node = wire.node()) {
            Receiver pull = node.pull(out, outOf);
            CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> {
                try (Node pulling = wire.node(); Node ownForPush = wire.sharedContext ? null : wire.node()) {
                    Receiver from = pulling.pull(in, into);
                    Sender to = (ownForPush == null ? pulling : ownForPush).push(out, outOf);
                    for (int i = 0; i < messages; i++) {
                        to.send(from.receive());
                    }
                }
            });
            CompletableFuture<Void> sender = send(wire, in, into, messages, payload, false);
            double rate = receiveRate(pull, messages);
            sender.get();
            relay.get();
            return rate;
        }
    }

    /** PUSH -> [Flink: PULL source -> PUSH sink] -> PULL, the source and the sink on the wire's transport. */
    static double throughFlink(Wire wire, int messages, byte[] payload) throws Exception {
        String in = Ports.freeAddress();
        String out = Ports.freeAddress();
        Hop into = Hop.generate();
        Hop outOf = Hop.generate();
        try (Node node = wire.node()) {
            Receiver pull = node.pull(out, outOf);
            ZmqSourceBuilder<byte[]> source = ZmqSource.<byte[]>builder()
                    .setPattern(ZmqSourcePattern.PULL)
                    .addEndpoint(ZmqEndpoint.bind(in))
                    .setDeserializer(new BytesSchema())
                    .set(ZmqOptions.TRANSPORT, wire.transport);
            ZmqSinkBuilder<byte[]> sink = ZmqSink.<byte[]>builder()
                    .setPattern(ZmqSinkPattern.PUSH)
                    .setEndpoint(ZmqEndpoint.connect(out))
                    .setSerializer(new BytesSchema())
                    .setFlowControl(FlowControl.BLOCK)
                    .set(ZmqOptions.TRANSPORT, wire.transport);
            if (wire.curve) {
                source.setCurve(ZmqCurve.withCertificate(into.server()).allowClients(List.of(into.client())));
                sink.setCurve(ZmqCurve.withCertificate(outOf.client()).trustServer(outOf.server()));
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
            env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "zeromq in").sinkTo(sink.build());
            CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
                try {
                    env.execute("connector throughput");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<Void> sender = send(wire, in, into, messages, payload, true);
            double rate = receiveRate(pull, messages);
            sender.get();
            job.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return rate;
        }
    }

    /** Receives the messages; returns messages per second from the first to the last. */
    private static double receiveRate(Receiver pull, int messages) {
        pull.receive();
        long start = System.nanoTime();
        for (int i = 1; i < messages; i++) {
            pull.receive();
        }
        return (messages - 1) / ((System.nanoTime() - start) / 1e9);
    }

    /** Sends the messages (and the end marker if asked) from a thread and a node of their own. */
    private static CompletableFuture<Void> send(Wire wire, String address, Hop hop, int messages, byte[] payload,
            boolean end) {
        return CompletableFuture.runAsync(() -> {
            try (Node node = wire.node()) {
                Sender push = node.push(address, hop);
                for (int i = 0; i < messages; i++) {
                    push.send(payload);
                }
                if (end) {
                    push.send(BytesSchema.END);
                }
            }
        });
    }

    /**
     * The CURVE keys of one hop: its server (the end that binds, letting in only this client) and its
     * client (the end that connects, trusting this server). Plain wires leave them unused.
     */
    record Hop(CurveCertificate server, CurveCertificate client) {
        static Hop generate() {
            return new Hop(CurveCertificate.generate(), CurveCertificate.generate());
        }
    }

    interface Receiver {
        /** The next message's one part; throws if none came within the timeout. */
        byte[] receive();
    }

    interface Sender {
        /** Sends a one-part message; throws if there was no room for it within the timeout. */
        void send(byte[] message);
    }

    /** A context and its sockets, used by one thread; closing it closes them, after a sender's linger. */
    abstract static class Node implements AutoCloseable {
        /** A PULL bound to the address: for CURVE, the hop's server, letting in the hop's client. */
        abstract Receiver pull(String address, Hop hop);

        /** A PUSH connected to the address: for CURVE, the hop's client, trusting the hop's server. */
        abstract Sender push(String address, Hop hop);

        @Override
        public abstract void close();

        static <T> T require(T received, String what) {
            require(received != null, what);
            return received;
        }

        static void require(boolean done, String what) {
            if (!done) {
                throw new IllegalStateException(what + ": nothing within " + TIMEOUT_MILLIS + " ms");
            }
        }
    }

    /** jeromq sockets, in one context with one I/O thread. */
    static final class JeromqNode extends Node {
        private final ZContext context = new ZContext(1);

        JeromqNode() {
            context.setLinger(LINGER_MILLIS);
        }

        @Override
        Receiver pull(String address, Hop hop) {
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.setReceiveTimeOut(TIMEOUT_MILLIS);
            pull.bind(address);
            return () -> require(pull.recv(0), "receive at " + address);
        }

        @Override
        Sender push(String address, Hop hop) {
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.setSendTimeOut(TIMEOUT_MILLIS);
            Peer.connect(push, address);
            return message -> require(push.send(message, 0), "send to " + address);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** libzmq sockets through the connector's binding, in one native context with libzmq's one I/O thread. */
    static final class NativeNode extends Node {
        private final NativeContext context = NativeZmq.context();
        private final boolean curve;
        private ZapHandler zap;

        NativeNode(boolean curve) {
            this.curve = curve;
        }

        @Override
        Receiver pull(String address, Hop hop) {
            NativeSocket pull = socket(NativeSocket.Type.PULL);
            if (curve) {
                if (zap != null) {
                    throw new IllegalStateException("one CURVE server per node: its ZAP handler knows one client");
                }
                // Before the server binds: without a handler, libzmq would let any client in.
                zap = new ZapHandler(context, Set.of(hop.client().publicKey()),
                        key -> System.err.println("refused a CURVE client: " + key));
                pull.setCurveServer(hop.server().secretKey());
            }
            pull.bind(address);
            return () -> require(pull.receive(false), "receive at " + address).get(0);
        }

        @Override
        Sender push(String address, Hop hop) {
            NativeSocket push = socket(NativeSocket.Type.PUSH);
            push.setLinger(LINGER_MILLIS);
            if (curve) {
                push.setCurveClient(hop.client().publicKey(), hop.client().secretKey(), hop.server().publicKey());
            }
            push.connect(address);
            return message -> require(push.send(List.of(message)), "send to " + address);
        }

        private NativeSocket socket(NativeSocket.Type type) {
            NativeSocket socket = context.socket(type);
            socket.setHighWaterMarks(HWM, HWM);
            socket.setTimeouts(TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            return socket;
        }

        @Override
        public void close() {
            try {
                if (zap != null) {
                    zap.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                context.close();
            }
        }
    }
}
