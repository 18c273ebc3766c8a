package io.videostream.connector.zeromq.common;

import org.apache.flink.configuration.ReadableConfig;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** Opens jeromq sockets configured from {@link ZmqOptions} and attached to an endpoint. */
public final class ZmqSockets {
    private ZmqSockets() {}

    public static ZMQ.Socket open(ZContext context, SocketType type, ZmqEndpoint endpoint, ReadableConfig config) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setRcvHWM(config.get(ZmqOptions.RECEIVE_HWM));
        socket.setSndHWM(config.get(ZmqOptions.SEND_HWM));
        socket.setLinger(0);
        socket.setReconnectIVL((int) config.get(ZmqOptions.RECONNECT_INTERVAL).toMillis());
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
        return socket;
    }
}
