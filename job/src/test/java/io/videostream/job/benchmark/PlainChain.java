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
 * work and wire format, the same two ZeroMQ hops. Streamer: {@code parallelism} threads render and
 * encode, one thread sends on a bound PUSH. Worker: one thread receives on PULL, {@code parallelism}
 * threads decode and encode, one thread sends on PUSH. Receiver: one thread on a bound PULL. It
 * measures what the cores give the chain once Flink is taken away: the reference for what Flink
 * costs. PUSH/PULL in place of the jobs' REP/REQ round trip makes it, if anything, faster.
 */
final class PlainChain {
    private static final int QUEUE = 8;

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
            collect.setReceiveTimeOut((int) TimeUnit.SECONDS.toMillis(60));
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
            threads.add(start("distribute", () -> send(context, distributor, true, encoded, frames)));
            threads.add(start("receive", () -> {
                ZMQ.Socket pull = context.createSocket(SocketType.PULL);
                pull.connect(distributor);
                for (int i = 0; i < frames; i++) {
                    received.put(ZMsg.recvMsg(pull).stream().map(frame -> frame.getData()).toList());
                }
                for (int t = 0; t < parallelism; t++) {
                    received.put(List.of());
                }
            }));
            threads.add(start("drain", () -> send(context, collector, false, processed, frames)));
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

    private static void send(ZContext context, String address, boolean bind, BlockingQueue<Frame> frames, int count)
            throws InterruptedException {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        if (bind) {
            push.bind(address);
        } else {
            push.connect(address);
        }
        PyStreamingWire wire = new PyStreamingWire();
        for (int i = 0; i < count; i++) {
            List<byte[]> parts = wire.encode(frames.take());
            for (int p = 0; p < parts.size(); p++) {
                push.send(parts.get(p), p < parts.size() - 1 ? ZMQ.SNDMORE : 0);
            }
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
