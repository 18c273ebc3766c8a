package io.videostream.connector.zeromq.internal;

import io.videostream.connector.zeromq.common.ZmqOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Watches a jeromq socket's connections through ZeroMQ's socket monitor ({@link ConnectionEvents}). Owned by the thread that owns the socket, which
 * polls {@link #socket()} and calls {@link #drain()} when it is readable and at least every
 * {@link #HANDSHAKE_GRACE_MILLIS} ms.
 *
 * <p>It also repairs stalled handshakes. jeromq's I/O thread can lose track of a freshly connected
 * TCP socket when it hands the channel from the connecter to the protocol engine in the same pass
 * (seen in 1-3% of loopback connects; jeromq pull request 1022): the ZMTP handshake then never starts,
 * and the connection sits idle until {@link ZmqOptions#HANDSHAKE_TIMEOUT} drops it. Any change to that
 * I/O thread's registrations brings the connection back, so a connection that has not finished its
 * handshake {@value #HANDSHAKE_GRACE_MILLIS} ms after it was made gets one: a throwaway loopback
 * listener opened and closed in the socket's context (which has one I/O thread). A handshake that
 * stays stalled (a peer that does not speak ZeroMQ) is nudged less and less often, up to every 5 s.
 */
@Internal
public final class ConnectionMonitor implements AutoCloseable {
    /** How long a fresh outgoing connection may take for its handshake before the I/O thread is nudged. */
    private static final long HANDSHAKE_GRACE_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final ZMQ.Socket events;
    private final String description;
    private final ConnectionEvents connections;
    /** The longest wait between two nudges of a handshake that stays stalled (a peer that is not ZeroMQ). */
    private static final long MAX_NUDGE_INTERVAL_MILLIS = 5000;

    /** Outgoing connections made whose handshake has not finished yet. */
    private int handshakesPending;
    private long nudgeAtNanos;
    private long nudgeIntervalMillis = HANDSHAKE_GRACE_MILLIS;

    public ConnectionMonitor(ZContext context, ZMQ.Socket socket, String description, SocketMetrics metrics) {
        this.context = context;
        this.socket = socket;
        this.description = description;
        this.connections = new ConnectionEvents(description, metrics);
        String address = "inproc://zmq-monitor-" + IDS.incrementAndGet();
        socket.monitor(address, ZMQ.EVENT_CONNECTED | ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_DISCONNECTED
                | ZMQ.EVENT_HANDSHAKE_PROTOCOL);
        this.events = context.createSocket(SocketType.PAIR);
        events.connect(address);
    }

    /** The socket to poll for monitor events. */
    public ZMQ.Socket socket() {
        return events;
    }

    /** How many connections the socket made so far, as far as {@link #drain()} saw. */
    public long connectionsMade() {
        return connections.made();
    }

    /** Handles the events that are waiting, and nudges a stalled handshake. */
    public void drain() {
        receiveEvents();
        if (handshakesPending > 0 && System.nanoTime() - nudgeAtNanos >= 0) {
            if (nudgeIntervalMillis == HANDSHAKE_GRACE_MILLIS) {
                LOG.info("{}: handshake not done {} ms after connecting; nudging jeromq's I/O thread", description,
                        HANDSHAKE_GRACE_MILLIS);
            }
            nudgeIoThread();
            nudgeIntervalMillis = Math.min(2 * nudgeIntervalMillis, MAX_NUDGE_INTERVAL_MILLIS);
            nudgeAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(nudgeIntervalMillis);
        }
    }

    private void receiveEvents() {
        ZMQ.Event event;
        while ((event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null) {
            handle(event);
        }
    }

    private void handle(ZMQ.Event event) {
        switch (event.getEvent()) {
            case ZMQ.EVENT_CONNECTED:
                handshakesPending++;
                nudgeIntervalMillis = HANDSHAKE_GRACE_MILLIS;
                nudgeAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANDSHAKE_GRACE_MILLIS);
                connections.connected(event.getAddress());
                break;
            case ZMQ.EVENT_ACCEPTED:
                connections.connected(event.getAddress());
                break;
            case ZMQ.EVENT_HANDSHAKE_PROTOCOL:
                handshakesPending = Math.max(0, handshakesPending - 1);
                break;
            case ZMQ.EVENT_DISCONNECTED:
                handshakesPending = Math.max(0, handshakesPending - 1);
                connections.disconnected(event.getAddress());
                break;
            default:
                break;
        }
    }

    /** Registers and retires a listener on the context's I/O thread, which re-registers every channel it has. */
    private void nudgeIoThread() {
        ZMQ.Socket nudge = context.createSocket(SocketType.PAIR);
        try {
            nudge.bind("tcp://127.0.0.1:*");
        } finally {
            context.destroySocket(nudge);
        }
    }

    /**
     * Takes the last events (so the reconnects count is complete) and closes, before the socket does.
     * The socket stops reporting first: the I/O thread hands it events with a blocking send, which
     * would wait forever for a reader that is gone, and with it every socket that thread serves.
     */
    @Override
    public void close() {
        receiveEvents();
        socket.monitor(null, 0);
        context.destroySocket(events);
    }
}
