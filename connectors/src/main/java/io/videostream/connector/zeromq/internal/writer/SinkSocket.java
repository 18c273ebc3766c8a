package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import io.videostream.connector.zeromq.internal.socket.SocketSession;
import io.videostream.connector.zeromq.internal.socket.ZmqSocket;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;

/** A sink's socket in a session of its own: opened and closed together. */
@Internal
final class SinkSocket {
    final ZmqSocket socket;
    final Duration linger;
    private final SocketSession session;

    /** Binds or connects; a send or receive waits at most {@code stepMillis} so the owner can look around. */
    SinkSocket(SocketKind kind, ZmqSinkConfig config, int stepMillis, SocketMetrics metrics) {
        this.linger = config.linger();
        this.session = SocketSession.open(config.sockets());
        try {
            socket = session.open(kind, config.endpoint(), metrics);
            // A ROUTER never waits to send: a peer that does not read its answers must not hold it up.
            socket.setTimeouts(kind == SocketKind.ROUTER ? 0 : stepMillis, stepMillis);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Sends a whole message; false if ZeroMQ had no room for it within the step. */
    boolean send(List<byte[]> message) {
        return socket.send(message);
    }

    /** Closes the socket, which goes on sending what it holds for up to the linger time. */
    void close() {
        socket.close(linger);
        session.close();
    }

    /** Throws if the transport has died: this socket would never send again. */
    void checkAlive() {
        session.checkAlive();
    }
}
