package io.videostream.connector.zeromq.internal.socket;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.internal.SocketConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * The sockets of one source reader or sink writer, on the transport its {@link SocketConfig} names: the
 * one socket layer under the readers and writers, so that patterns, flow control, monitoring and
 * metrics behave the same on jeromq and on libzmq. Closing the session closes its sockets.
 */
@Internal
public abstract class SocketSession implements AutoCloseable {
    protected final SocketConfig config;

    SocketSession(SocketConfig config) {
        this.config = config;
    }

    /** A session on the configured transport. */
    public static SocketSession open(SocketConfig config) {
        return config.transport() == ZmqTransport.LIBZMQ ? new NativeSession(config) : new JeromqSession(config);
    }

    /**
     * A socket configured as the session's {@link SocketConfig} says (limits, timeouts, CURVE), watched
     * by a monitor from the start, then bound or connected. SUB subscribes to everything; a ROUTER
     * is mandatory (a send to a peer that is gone says so). A peer that sends a part over the size limit,
     * or does not speak ZMTP 3, is disconnected before anything is allocated for it.
     *
     * @throws IllegalStateException naming the endpoint, if it cannot be bound or connected
     */
    public abstract ZmqSocket open(SocketKind kind, ZmqEndpoint endpoint, SocketMetrics metrics);

    /** A poller of these sockets (of this session), for the thread that owns them. */
    public abstract SocketPoller poller(List<ZmqSocket> sockets);

    /** Throws if the transport can no longer move messages (jeromq's I/O thread died). */
    public void checkAlive() {}

    /** Closes the sockets still open and the session. */
    @Override
    public abstract void close();

    /** How an error names a socket. */
    static String describe(SocketKind kind, ZmqEndpoint endpoint) {
        return kind + " " + endpoint;
    }

    /** The message when an endpoint cannot be bound or connected. */
    static IllegalStateException attachFailed(SocketKind kind, ZmqEndpoint endpoint, RuntimeException cause) {
        return new IllegalStateException("cannot " + (endpoint.isBind() ? "bind " : "connect ") + kind + " socket to "
                + endpoint.address() + ": " + cause.getMessage(), cause);
    }
}
