package io.videostream.connector.zeromq.source.reader;

import io.videostream.connector.zeromq.common.ConnectionMonitor;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * The sockets of one split and the pattern's protocol on them. Lives in the source's fetcher
 * thread, which polls {@link #sockets()} and calls {@link #read} for each readable one.
 */
abstract class SplitConnection implements AutoCloseable {
    protected final ZmqSplit split;
    protected final MessageHandler<?> handler;
    private boolean finished;

    SplitConnection(ZmqSplit split, MessageHandler<?> handler) {
        this.split = split;
        this.handler = handler;
    }

    /** The sockets to poll, monitors included. */
    abstract List<ZMQ.Socket> sockets();

    /** Reads what is waiting on a readable socket. */
    abstract void read(ZMQ.Socket socket);

    /** Runs timers (retries, timeouts); returns how many milliseconds until it wants to run again. */
    long tick(long nowNanos) {
        return Long.MAX_VALUE;
    }

    /** The stream ended: the split is done and its sockets can close. */
    final void finish() {
        finished = true;
    }

    final boolean isFinished() {
        return finished;
    }

    static boolean readMonitor(ConnectionMonitor monitor, ZMQ.Socket socket) {
        if (monitor != null && socket == monitor.socket()) {
            monitor.drain();
            return true;
        }
        return false;
    }

    @Override
    public abstract void close();
}
