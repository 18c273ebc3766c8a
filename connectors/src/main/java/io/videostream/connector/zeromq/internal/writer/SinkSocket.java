package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.internal.ConnectionMonitor;
import io.videostream.connector.zeromq.internal.SharedContext;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.ZmqSockets;
import java.time.Duration;
import org.apache.flink.annotation.Internal;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A sink's socket with its connection monitor, in a lease of the shared context: opened and closed together. */
@Internal
final class SinkSocket {
    final ZMQ.Socket socket;
    final ConnectionMonitor monitor;
    final Duration linger;
    private final SharedContext.Lease lease = SharedContext.JVM.lease();

    /** Binds or connects; a send or receive waits at most {@code stepMillis} so the owner can look around. */
    SinkSocket(SocketType type, ZmqSinkConfig config, int stepMillis, SocketMetrics metrics) {
        this.linger = config.linger();
        ZContext context = lease.context();
        ZmqEndpoint endpoint = config.endpoint();
        String description = type + " " + endpoint;
        try {
            socket = ZmqSockets.create(context, type, config.sockets(), description, metrics);
            socket.setSendTimeOut(stepMillis);
            socket.setReceiveTimeOut(stepMillis);
            monitor = new ConnectionMonitor(context, socket, description, metrics);
            ZmqSockets.attach(context, socket, endpoint);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Closes the socket, which goes on sending what it holds for up to the linger time. */
    void close() {
        socket.setLinger((int) linger.toMillis());
        monitor.close();
        lease.close();
    }

    /** Throws if ZeroMQ's I/O thread has died: this socket would never send again. */
    void checkAlive() {
        lease.checkAlive();
    }
}
