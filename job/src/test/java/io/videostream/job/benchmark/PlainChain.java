package io.videostream.job.benchmark;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The end-to-end chain with the jobs' shape but no Flink: plain threads and queues, the same codec
 * work, wire format and ZeroMQ hops. Streamer: {@code parallelism} threads render and encode, one
 * thread answers requests on a bound REP. Worker: one thread asks on {@value #REQUESTS_IN_FLIGHT} REQ
 * sockets (pystreaming's reqthread), {@code parallelism} threads decode and encode, one thread sends
 * on PUSH. Receiver: one thread on a bound PULL. It measures what the cores give the chain once Flink
 * is taken away: the reference for what Flink costs.
 */
final class PlainChain {
    private static final int QUEUE = 8;
    private static final int REQUESTS_IN_FLIGHT = 3;
    private static final String TRACK = "none";
    /** How long the chain may stand still before the run fails. */
    private static final int STALL_MILLIS = 60_000;

    private PlainChain() {}

    /** Frames per second at the receiver for {@code frames} frames of the card, sent as fast as they go. */
    static double framesPerSecond(TestCard card, int parallelism, int frames) throws Exception {
        String distributor = Ports.freeAddress();
        String collector = Ports.freeAddress();
        BlockingQueue<Frame> encoded = new ArrayBlockingQueue<>(QUEUE);
        BlockingQueue<List<byte[]>> received = new ArrayBlockingQueue<>(QUEUE);
        BlockingQueue<Frame> processed = new ArrayBlockingQueue<>(QUEUE);
        List<Thread> threads = new ArrayList<>();
        try (ZContext context = new ZContext()) {
            ZMQ.Socket collect = context.createSocket(SocketType.PULL);
            collect.bind(collector);
            collect.setReceiveTimeOut(STALL_MILLIS);
            for (int t = 0; t < parallelism; t++) {
                int first = t;
                threads.add(start("encode", () -> {
                    try (JpegCodec codec = JpegCodecs.create()) {
                        for (long fno = first; fno < frames; fno += parallelism) {
                            double ftime = System.currentTimeMillis() / 1000.0;
                            encoded.put(Frame.encoded(Frame.DEFAULT_STREAM, fno, ftime, null,
                                    codec.encode(TestCards.frame(card, false, fno))));
                        }
                    }
                }));
                threads.add(start("decode-encode", () -> {
                    PyStreamingWire wire = new PyStreamingWire();
                    try (JpegCodec codec = JpegCodecs.create()) {
                        for (List<byte[]> parts = received.take(); !parts.isEmpty(); parts = received.take()) {
                            Frame frame = wire.decode(Frame.DEFAULT_STREAM, parts);
                            processed.put(frame.withJpeg(codec.encode(codec.decode(frame.jpeg()))));
                        }
                    }
                }));
            }
            threads.add(start("distribute", () -> distribute(context, distributor, encoded, frames)));
            threads.add(start("request", () -> {
                request(context, distributor, received, frames);
                for (int t = 0; t < parallelism; t++) {
                    received.put(List.of());
                }
            }));
            threads.add(start("drain", () -> drain(context, collector, processed, frames)));
            long first = 0;
            for (int i = 0; i < frames; i++) {
                if (ZMsg.recvMsg(collect) == null) {
                    throw new IllegalStateException("the plain chain stalled after " + i + " frames");
                }
                if (i == 0) {
                    first = System.nanoTime();
                }
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            return (frames - 1) / seconds;
        }
    }

    /** Answers each request for the track with the next encoded frame, as the REP distributor does. */
    private static void distribute(ZContext context, String address, BlockingQueue<Frame> frames, int count)
            throws InterruptedException {
        ZMQ.Socket rep = context.createSocket(SocketType.REP);
        rep.bind(address);
        rep.setReceiveTimeOut(STALL_MILLIS);
        PyStreamingWire wire = new PyStreamingWire();
        for (int i = 0; i < count; i++) {
            if (rep.recv() == null) {
                throw new IllegalStateException("no request to the plain chain's distributor after " + i + " frames");
            }
            send(rep, wire.encode(frames.take()));
        }
    }

    /** Keeps a request in flight on each REQ socket until {@code count} frames are asked for. */
    private static void request(ZContext context, String address, BlockingQueue<List<byte[]>> received, int count)
            throws InterruptedException {
        ZMQ.Poller poller = context.createPoller(REQUESTS_IN_FLIGHT);
        int asked = 0;
        for (int r = 0; r < REQUESTS_IN_FLIGHT; r++) {
            ZMQ.Socket req = context.createSocket(SocketType.REQ);
            req.connect(address);
            poller.register(req, ZMQ.Poller.POLLIN);
            req.send(TRACK);
            asked++;
        }
        for (int answered = 0; answered < count; ) {
            if (poller.poll(STALL_MILLIS) <= 0) {
                throw new IllegalStateException("no answer to the plain chain's requests after " + answered + " frames");
            }
            for (int r = 0; r < REQUESTS_IN_FLIGHT; r++) {
                if (poller.pollin(r)) {
                    ZMQ.Socket req = poller.getSocket(r);
                    received.put(ZMsg.recvMsg(req).stream().map(frame -> frame.getData()).toList());
                    answered++;
                    if (asked < count) {
                        req.send(TRACK);
                        asked++;
                    }
                }
            }
        }
    }

    private static void drain(ZContext context, String address, BlockingQueue<Frame> frames, int count)
            throws InterruptedException {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.connect(address);
        PyStreamingWire wire = new PyStreamingWire();
        for (int i = 0; i < count; i++) {
            send(push, wire.encode(frames.take()));
        }
    }

    private static void send(ZMQ.Socket socket, List<byte[]> parts) {
        for (int p = 0; p < parts.size(); p++) {
            socket.send(parts.get(p), p < parts.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Thread start(String name, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                throw new IllegalStateException(name + " failed", e);
            }
        }, "plain-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
