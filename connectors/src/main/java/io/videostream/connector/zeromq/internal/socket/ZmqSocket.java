package io.videostream.connector.zeromq.internal.socket;

import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * A ZeroMQ socket of either transport, bound or connected, with the monitor of its connections. One
 * thread at a time uses it (it may pass to another thread between calls): on libzmq, a second thread
 * inside a call fails with an {@link IllegalStateException} instead of crashing the JVM.
 */
@Internal
public interface ZmqSocket {
    /**
     * Sends a whole message; false if its first part could not be queued within the send timeout, or,
     * on a ROUTER, if the peer it is addressed to is gone (the rest of a message always follows its
     * first part).
     */
    boolean send(List<byte[]> parts);

    /**
     * Receives one whole message.
     *
     * @param dontWait return at once if none is there, instead of waiting up to the receive timeout
     * @return the parts, or null if no message came
     */
    List<byte[]> receive(boolean dontWait);

    /** How long a send or a receive waits; unset, a receive waits until a message comes. */
    void setTimeouts(int sendMillis, int receiveMillis);

    /**
     * Handles what the monitor saw (counts and logs it; on jeromq, also repairs a stalled handshake):
     * to be called by the owner at least every 100 ms. A {@link SocketPoller} calls it too.
     */
    void handleEvents();

    /** How many connections the socket made so far (either way), as far as {@link #handleEvents()} saw. */
    long connectionsMade();

    /** Closes the socket and its monitor; what the socket still holds may leave for up to {@code linger}. */
    void close(Duration linger);
}
