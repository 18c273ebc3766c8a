package io.videostream.connector.zeromq.internal;

import io.videostream.connector.zeromq.common.ZmqOptions;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * What a source reader's or sink writer's sockets report about their peers: {@code reconnects} (a peer
 * came back), {@code disconnects} (a connection ended: the peer left, or ZeroMQ dropped it for breaking
 * the protocol, such as a message part over {@link ZmqOptions#MAX_MESSAGE_SIZE}; ZeroMQ does not say
 * which), {@code oversizedMessages} (parts announced at 2^63 bytes or more, which ZeroMQ's own
 * size check misses and the connector refuses), and {@code authFailures} (CURVE handshakes that failed: a
 * client not allowed in, a client with the wrong server key, a plaintext peer, a connection that ended
 * mid-handshake; nothing of theirs is delivered).
 */
@Internal
public final class SocketMetrics {
    final Counter reconnects;
    final Counter disconnects;
    /** Counted in ZeroMQ's I/O thread. */
    final Counter oversizedMessages;
    final Counter authFailures;

    private SocketMetrics(Counter reconnects, Counter disconnects, Counter oversizedMessages, Counter authFailures) {
        this.reconnects = reconnects;
        this.disconnects = disconnects;
        this.oversizedMessages = oversizedMessages;
        this.authFailures = authFailures;
    }

    /** Registers the counters in the group. */
    public static SocketMetrics register(MetricGroup group) {
        return new SocketMetrics(group.counter("reconnects"), group.counter("disconnects"),
                group.counter("oversizedMessages", new ThreadSafeSimpleCounter()), group.counter("authFailures"));
    }
}
