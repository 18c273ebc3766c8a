package io.videostream.connector.zeromq.internal;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import org.apache.flink.annotation.Internal;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** Creates jeromq sockets configured as a {@link SocketConfig} says and attaches them to endpoints. */
@Internal
public final class ZmqSockets {
    private ZmqSockets() {}

    /**
     * The ZAP domain of every socket. With a domain, jeromq refuses peers that do not speak ZMTP 3 (it
     * would read any bytes that do not start as ZMTP 3 does, say a web browser's request, as ZMTP 1.0
     * and hand the application the "messages" they form); with no ZAP handler in the context, ZMTP 3
     * peers are not asked anything more.
     */
    static final String ZAP_DOMAIN = "videostream";

    /**
     * A socket configured but not yet bound or connected (so a monitor can watch it from the start).
     * A peer that sends a part over {@link ZmqOptions#MAX_MESSAGE_SIZE}, or does not speak ZMTP 3, is
     * disconnected before anything is allocated for it.
     */
    public static ZMQ.Socket create(ZContext context, SocketType type, SocketConfig config, String description,
            SocketMetrics metrics) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setRcvHWM(config.receiveHwm());
        socket.setSndHWM(config.sendHwm());
        socket.setMaxMsgSize(config.maxMessageSize());
        socket.setMsgAllocator(new PeerMessageAllocator(description, metrics.oversizedMessages));
        socket.setZAPDomain(ZAP_DOMAIN);
        socket.setLinger(0);
        socket.setReconnectIVL((int) config.reconnectInterval().toMillis());
        socket.setHandshakeIvl((int) config.handshakeTimeout().toMillis());
        return socket;
    }

    /** Binds or connects the socket; a failure closes it and says which endpoint and why. */
    public static void attach(ZContext context, ZMQ.Socket socket, ZmqEndpoint endpoint) {
        SocketType type = socket.getSocketType();
        try {
            if (endpoint.isBind()) {
                socket.bind(endpoint.address());
            } else {
                socket.connect(endpoint.address());
            }
        } catch (ZMQException e) {
            context.destroySocket(socket);
            throw new IllegalStateException("cannot " + (endpoint.isBind() ? "bind " : "connect ") + type + " socket to "
                    + endpoint.address() + ": " + e.getMessage(), e);
        }
    }
}
