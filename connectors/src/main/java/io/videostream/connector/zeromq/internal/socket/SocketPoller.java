package io.videostream.connector.zeromq.internal.socket;

import org.apache.flink.annotation.Internal;

/** Waits for messages on several sockets of one session at once, in the thread that owns them. */
@Internal
public interface SocketPoller extends AutoCloseable {
    /**
     * Waits up to {@code millis} until a socket has a message, handling the sockets' connection events
     * on the way (an event ends the wait early).
     *
     * @return whether a socket has a message
     */
    boolean poll(long millis);

    /** Whether the socket at this index (in the order given) had a message at the last poll. */
    boolean readable(int index);

    @Override
    void close();
}
