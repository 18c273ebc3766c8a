package io.videostream.connector.zeromq.common;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Watches a socket's connections through ZeroMQ's socket monitor: logs when a peer goes away and
 * comes back, and counts the returns as reconnects. Owned by the thread that owns the socket, which
 * polls {@link #socket()} and calls {@link #drain()} when it is readable.
 */
public final class ConnectionMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ZContext context;
    private final ZMQ.Socket events;
    private final String description;
    private final Counter reconnects;
    private boolean lostPeer;

    public ConnectionMonitor(ZContext context, ZMQ.Socket socket, String description, Counter reconnects) {
        this.context = context;
        this.description = description;
        this.reconnects = reconnects;
        String address = "inproc://zmq-monitor-" + IDS.incrementAndGet();
        socket.monitor(address, ZMQ.EVENT_CONNECTED | ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_DISCONNECTED);
        this.events = context.createSocket(SocketType.PAIR);
        events.connect(address);
    }

    /** The socket to poll for monitor events. */
    public ZMQ.Socket socket() {
        return events;
    }

    /** Handles the events that are waiting. */
    public void drain() {
        ZMQ.Event event;
        while ((event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null) {
            if (event.getEvent() == ZMQ.EVENT_DISCONNECTED) {
                lostPeer = true;
                LOG.info("{}: peer at {} went away; ZeroMQ reconnects when it is back", description, event.getAddress());
            } else if (lostPeer) {
                lostPeer = false;
                reconnects.inc();
                LOG.info("{}: peer at {} is back", description, event.getAddress());
            }
        }
    }

    @Override
    public void close() {
        context.destroySocket(events);
    }
}
