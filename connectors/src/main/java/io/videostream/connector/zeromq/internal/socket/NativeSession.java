package io.videostream.connector.zeromq.internal.socket;

import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.internal.ConnectionEvents;
import io.videostream.connector.zeromq.internal.RateLimitedLog;
import io.videostream.connector.zeromq.internal.SocketConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.libzmq.NativeContext;
import io.videostream.connector.zeromq.internal.libzmq.NativeMonitor;
import io.videostream.connector.zeromq.internal.libzmq.NativePoller;
import io.videostream.connector.zeromq.internal.libzmq.NativeSocket;
import io.videostream.connector.zeromq.internal.libzmq.NativeZmq;
import io.videostream.connector.zeromq.internal.libzmq.ZapHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libzmq sockets in a native context of their own (libzmq's I/O thread and reaper), with CURVE when the
 * configuration has it: an endpoint that binds is a CURVE server whose clients a {@link ZapHandler} in
 * the context lets in or refuses; an endpoint that connects is a client of the server key given for it.
 */
@Internal
final class NativeSession extends SocketSession {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSession.class);
    /** libzmq's protocol error codes for failed CURVE handshakes (zmq.h). */
    private static final int ERROR_CRYPTOGRAPHIC = 0x11000001;
    private static final int ERROR_MECHANISM_MISMATCH = 0x11000002;

    private final NativeContext context = NativeZmq.context();
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, 10_000);
    private ZapHandler zapHandler;

    NativeSession(SocketConfig config) {
        super(config);
    }

    @Override
    public ZmqSocket open(SocketKind kind, ZmqEndpoint endpoint, SocketMetrics metrics) {
        NativeSocket socket = context.socket(NativeSocket.Type.valueOf(kind.name()));
        try {
            socket.setHighWaterMarks(config.sendHwm(), config.receiveHwm());
            socket.setMaxMessageSize(config.maxMessageSize());
            socket.setReconnectInterval((int) config.reconnectInterval().toMillis());
            socket.setHandshakeInterval((int) config.handshakeTimeout().toMillis());
            // A ZAP domain: libzmq then refuses peers that speak ZMTP 1.0 (a stream of arbitrary bytes).
            socket.setZapDomain(JeromqSession.ZAP_DOMAIN);
            if (kind == SocketKind.SUB) {
                socket.subscribe(new byte[0]);
            } else if (kind == SocketKind.ROUTER) {
                socket.setRouterMandatory(); // a message for a peer that is gone is not sent, and says so
            }
            ZmqCurve curve = config.curve();
            if (curve != null && endpoint.isBind()) {
                startZapHandler(curve);
                socket.setCurveServer(curve.secretKey());
            } else if (curve != null) {
                socket.setCurveClient(curve.publicKey(), curve.secretKey(), curve.serverKey(endpoint));
            }
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        NativeMonitor monitor = socket.monitor();
        try {
            if (endpoint.isBind()) {
                socket.bind(endpoint.address());
            } else {
                socket.connect(endpoint.address());
            }
        } catch (RuntimeException e) {
            monitor.close();
            socket.close();
            throw attachFailed(kind, endpoint, e);
        }
        return new Socket(socket, endpoint.isBind(), monitor, new ConnectionEvents(describe(kind, endpoint), metrics));
    }

    /** Before the first CURVE server binds, which refuses every client while no handler runs. */
    private void startZapHandler(ZmqCurve curve) {
        if (zapHandler == null) {
            zapHandler = new ZapHandler(context, curve.clientKeys(), key -> refusals.warn(
                    "Refused a CURVE client ({}): not among the {} allowed", key, curve.clientKeys().size()));
        }
    }

    /** A failed ZAP handler fails the session, so that a restart brings the servers a new one. */
    @Override
    public void checkAlive() {
        RuntimeException failure = zapHandler == null ? null : zapHandler.failure();
        if (failure != null) {
            throw new IllegalStateException("the ZAP handler of the CURVE servers failed, so they let no client "
                    + "in: " + failure);
        }
    }

    @Override
    public SocketPoller poller(List<ZmqSocket> sockets) {
        return new Poller(sockets);
    }

    @Override
    public void close() {
        if (zapHandler != null) {
            try {
                zapHandler.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        context.close();
    }

    private final class Socket implements ZmqSocket {
        final NativeSocket socket;
        final NativeMonitor monitor;
        final ConnectionEvents connections;
        final boolean curve = config.curve() != null;
        final boolean bound;

        Socket(NativeSocket socket, boolean bound, NativeMonitor monitor, ConnectionEvents connections) {
            this.socket = socket;
            this.bound = bound;
            this.monitor = monitor;
            this.connections = connections;
        }

        @Override
        public boolean send(List<byte[]> parts) {
            return socket.send(parts);
        }

        @Override
        public List<byte[]> receive(boolean dontWait) {
            return socket.receive(dontWait);
        }

        @Override
        public void setTimeouts(int sendMillis, int receiveMillis) {
            socket.setTimeouts(sendMillis, receiveMillis);
        }

        @Override
        public void handleEvents() {
            for (NativeMonitor.Event event : monitor.drain()) {
                switch (event.event()) {
                    case NativeMonitor.CONNECTED, NativeMonitor.ACCEPTED -> connections.connected(event.address());
                    case NativeMonitor.DISCONNECTED -> connections.disconnected(event.address());
                    case NativeMonitor.HANDSHAKE_FAILED_AUTH -> connections.authenticationFailed(event.address(),
                            "not an allowed CURVE client (ZAP status " + event.value() + ")");
                    // A plaintext peer shows as either, as it or this side notices the mismatch first.
                    case NativeMonitor.HANDSHAKE_FAILED_PROTOCOL -> {
                        if (curve) {
                            connections.authenticationFailed(event.address(), handshakeFailure(event.value()));
                        }
                    }
                    // On the connecting side, a connection that ends mid-handshake is any peer gone (a
                    // relay whose target is not up yet): only a disconnect.
                    case NativeMonitor.HANDSHAKE_FAILED_NO_DETAIL -> {
                        if (curve && bound) {
                            connections.authenticationFailed(event.address(), "the connection ended during the "
                                    + "CURVE handshake (a plaintext peer, or one that gave up)");
                        }
                    }
                    default -> { }
                }
            }
        }

        @Override
        public long connectionsMade() {
            return connections.made();
        }

        @Override
        public void close(Duration linger) {
            handleEvents(); // the last events, so the counts are complete
            monitor.close();
            socket.setLinger((int) linger.toMillis());
            socket.close();
        }
    }

    private static String handshakeFailure(int error) {
        if (error == ERROR_CRYPTOGRAPHIC) {
            return "its CURVE handshake does not decrypt (a client with the wrong server key?)";
        }
        if (error == ERROR_MECHANISM_MISMATCH) {
            return "it does not speak CURVE (a plaintext peer?)";
        }
        return "CURVE handshake failed (libzmq protocol error 0x" + Integer.toHexString(error) + ")";
    }

    /** The sockets first, then their monitors' sockets. */
    private static final class Poller extends MonitoredPoller {
        private final NativePoller poller;

        Poller(List<ZmqSocket> sockets) {
            super(sockets);
            List<Socket> ours = sockets.stream().map(Socket.class::cast).toList();
            List<NativeSocket> polled = new ArrayList<>();
            ours.forEach(s -> polled.add(s.socket));
            ours.forEach(s -> polled.add(s.monitor.socket()));
            this.poller = new NativePoller(polled);
        }

        @Override
        boolean pollAll(long millis) {
            return poller.poll(millis);
        }

        @Override
        boolean readableAt(int index) {
            return poller.readable(index);
        }

        @Override
        public void close() {}
    }
}
