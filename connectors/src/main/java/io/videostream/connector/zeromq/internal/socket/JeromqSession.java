package io.videostream.connector.zeromq.internal.socket;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.internal.ConnectionMonitor;
import io.videostream.connector.zeromq.internal.Multipart;
import io.videostream.connector.zeromq.internal.PeerMessageAllocator;
import io.videostream.connector.zeromq.internal.SharedContext;
import io.videostream.connector.zeromq.internal.SocketConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.annotation.Internal;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** jeromq sockets, in a lease of the JVM's {@link SharedContext}. */
@Internal
final class JeromqSession extends SocketSession {
    /**
     * The ZAP domain of every socket. With a domain, jeromq refuses peers that do not speak ZMTP 3 (it
     * would read any bytes that do not start as ZMTP 3 does, say a web browser's request, as ZMTP 1.0
     * and hand the application the "messages" they form); with no ZAP handler in the context, ZMTP 3
     * peers are not asked anything more.
     */
    static final String ZAP_DOMAIN = "videostream";

    private final SharedContext.Lease lease = SharedContext.JVM.lease();
    private final ZContext context = lease.context();

    JeromqSession(SocketConfig config) {
        super(config);
    }

    @Override
    public ZmqSocket open(SocketKind kind, ZmqEndpoint endpoint, SocketMetrics metrics) {
        String description = describe(kind, endpoint);
        ZMQ.Socket socket = context.createSocket(SocketType.valueOf(kind.name()));
        socket.setRcvHWM(config.receiveHwm());
        socket.setSndHWM(config.sendHwm());
        socket.setMaxMsgSize(config.maxMessageSize());
        socket.setMsgAllocator(new PeerMessageAllocator(description, metrics));
        socket.setZAPDomain(ZAP_DOMAIN);
        socket.setLinger(0);
        socket.setReconnectIVL((int) config.reconnectInterval().toMillis());
        socket.setHandshakeIvl((int) config.handshakeTimeout().toMillis());
        if (kind == SocketKind.SUB) {
            socket.subscribe(new byte[0]);
        } else if (kind == SocketKind.ROUTER) {
            socket.setRouterMandatory(true); // a message for a peer that is gone is not sent, and says so
        }
        ConnectionMonitor monitor = new ConnectionMonitor(context, socket, description, metrics);
        try {
            if (endpoint.isBind()) {
                socket.bind(endpoint.address());
            } else {
                socket.connect(endpoint.address());
            }
        } catch (ZMQException e) {
            monitor.close();
            context.destroySocket(socket);
            throw attachFailed(kind, endpoint, e);
        }
        return new Socket(socket, monitor);
    }

    @Override
    public SocketPoller poller(List<ZmqSocket> sockets) {
        return new Poller(sockets);
    }

    @Override
    public void checkAlive() {
        lease.checkAlive();
    }

    @Override
    public void close() {
        lease.close();
    }

    private final class Socket implements ZmqSocket {
        final ZMQ.Socket socket;
        final ConnectionMonitor monitor;

        Socket(ZMQ.Socket socket, ConnectionMonitor monitor) {
            this.socket = socket;
            this.monitor = monitor;
        }

        @Override
        public boolean send(List<byte[]> parts) {
            return Multipart.send(socket, parts);
        }

        @Override
        public List<byte[]> receive(boolean dontWait) {
            return Multipart.receive(socket, dontWait ? ZMQ.DONTWAIT : 0);
        }

        @Override
        public void setTimeouts(int sendMillis, int receiveMillis) {
            socket.setSendTimeOut(sendMillis);
            socket.setReceiveTimeOut(receiveMillis);
        }

        @Override
        public void handleEvents() {
            monitor.drain();
        }

        @Override
        public long connectionsMade() {
            return monitor.connectionsMade();
        }

        @Override
        public void close(Duration linger) {
            monitor.close();
            // jeromq's destroySocket gives the socket the context's linger, whatever the socket had: set
            // there, or the messages still queued (the last frames, the end of stream) would be dropped.
            context.setLinger((int) linger.toMillis());
            context.destroySocket(socket);
        }
    }

    /**
     * The sockets first, then their monitors' sockets, waited for on their mailboxes' descriptors. Not
     * jeromq's own poll: a socket's mailbox is signalled (a byte written) before its sender counts the
     * signal, and a mailbox takes the byte only once it is counted; on busy cores the sender's thread
     * is often preempted between the two, and jeromq's poll then spins on the readable descriptor,
     * nothing to read behind it, until the sender runs again (measured: 1-2 ms at a time, a tenth of
     * the CPU at 700 frames/s, taken from the thread it waits for). This one pauses instead.
     */
    private static final class Poller extends MonitoredPoller {
        /** The pause after a signal that was not counted yet: what a waiting message may be delayed by. */
        private static final long UNCOUNTED_SIGNAL_PAUSE_NANOS = 200_000;

        private final List<ZMQ.Socket> polled = new ArrayList<>();
        private final boolean[] readable;
        private final Selector selector;

        Poller(List<ZmqSocket> sockets) {
            super(sockets);
            List<Socket> ours = sockets.stream().map(Socket.class::cast).toList();
            ours.forEach(s -> polled.add(s.socket));
            ours.forEach(s -> polled.add(s.monitor.socket()));
            this.readable = new boolean[polled.size()];
            try {
                this.selector = Selector.open();
                for (ZMQ.Socket socket : polled) {
                    socket.getFD().register(selector, SelectionKey.OP_READ);
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot poll the sockets", e);
            }
        }

        @Override
        boolean pollAll(long millis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (!anyReadable()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                if (signalled(0)) {
                    // Still signalled after the sockets took their commands: the sender has yet to
                    // count its signal.
                    LockSupport.parkNanos(Math.min(left, UNCOUNTED_SIGNAL_PAUSE_NANOS));
                } else {
                    signalled(left);
                }
            }
            return true;
        }

        /** Reads each socket's events (taking its mailbox's commands); whether one has a message. */
        private boolean anyReadable() {
            boolean any = false;
            for (int i = 0; i < readable.length; i++) {
                int events = polled.get(i).getEvents(); // -1 once the context is closed
                readable[i] = events > 0 && (events & ZMQ.Poller.POLLIN) != 0;
                any |= readable[i];
            }
            return any;
        }

        /** Whether a mailbox is signalled, waiting up to {@code nanos} (0: not at all) for one. */
        private boolean signalled(long nanos) {
            try {
                int signalled = nanos == 0 ? selector.selectNow()
                        : selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
                selector.selectedKeys().clear();
                return signalled > 0;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot poll the sockets", e);
            }
        }

        @Override
        boolean readableAt(int index) {
            return readable[index];
        }

        @Override
        public void close() {
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close a poller", e);
                }
            }
        }
    }
}
