package io.videostream.connector.zeromq.internal.socket;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.internal.ConnectionMonitor;
import io.videostream.connector.zeromq.internal.Multipart;
import io.videostream.connector.zeromq.internal.PeerMessageAllocator;
import io.videostream.connector.zeromq.internal.SharedContext;
import io.videostream.connector.zeromq.internal.SocketConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import java.time.Duration;
import java.util.List;
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

    /** The sockets first, then their monitors' sockets. */
    private final class Poller extends MonitoredPoller {
        private final ZMQ.Poller poller;

        Poller(List<ZmqSocket> sockets) {
            super(sockets);
            List<Socket> ours = sockets.stream().map(Socket.class::cast).toList();
            this.poller = context.createPoller(Math.max(1, 2 * ours.size()));
            ours.forEach(s -> poller.register(s.socket, ZMQ.Poller.POLLIN));
            ours.forEach(s -> poller.register(s.monitor.socket(), ZMQ.Poller.POLLIN));
        }

        @Override
        boolean pollAll(long millis) {
            return poller.poll(millis) > 0;
        }

        @Override
        boolean readableAt(int index) {
            return poller.pollin(index);
        }

        @Override
        public void close() {
            poller.close();
        }
    }
}
