package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.internal.socket.ZmqSocket;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * The sockets of one split and the pattern's protocol on them. Lives in the source's fetcher
 * thread, which polls {@link #sockets()} and calls {@link #read} for each readable one.
 */
@Internal
abstract class SplitConnection implements AutoCloseable {
    protected final ZmqSplit split;
    protected final MessageHandler<?> handler;
    private boolean finished;
    private boolean socketsChanged;

    SplitConnection(ZmqSplit split, MessageHandler<?> handler) {
        this.split = split;
        this.handler = handler;
    }

    /** The sockets to poll. */
    abstract List<ZmqSocket> sockets();

    /** Reads what is waiting on a readable socket. */
    abstract void read(ZmqSocket socket);

    /**
     * Handles connection events and runs the pattern's timers; returns how many milliseconds until
     * it wants to run again.
     */
    final long tick(long nowNanos) {
        sockets().forEach(ZmqSocket::handleEvents);
        return runTimers(nowNanos);
    }

    /** Runs timers (retries, timeouts); returns how many milliseconds until it wants to run again. */
    long runTimers(long nowNanos) {
        return Long.MAX_VALUE;
    }

    /** {@link #sockets()} changed: the poller must be built anew. */
    final void socketsChanged() {
        socketsChanged = true;
    }

    /** Whether the sockets changed since the last call. */
    final boolean takeSocketsChanged() {
        boolean changed = socketsChanged;
        socketsChanged = false;
        return changed;
    }

    /** The stream ended: the split is done and its sockets can close. */
    final void finish() {
        finished = true;
    }

    final boolean isFinished() {
        return finished;
    }

    @Override
    public abstract void close();
}
