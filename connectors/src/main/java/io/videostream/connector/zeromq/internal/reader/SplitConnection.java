package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.internal.ConnectionMonitor;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.zeromq.ZMQ;

/**
 * The sockets of one split and the pattern's protocol on them. Lives in the source's fetcher
 * thread, which polls {@link #sockets()} and calls {@link #read} for each readable one.
 */
@Internal
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

    /** The monitors of this split's sockets. */
    abstract List<ConnectionMonitor> monitors();

    /**
     * Handles connection events and runs the pattern's timers; returns how many milliseconds until
     * it wants to run again.
     */
    final long tick(long nowNanos) {
        monitors().forEach(ConnectionMonitor::drain);
        return runTimers(nowNanos);
    }

    /** Runs timers (retries, timeouts); returns how many milliseconds until it wants to run again. */
    long runTimers(long nowNanos) {
        return Long.MAX_VALUE;
    }

    /** The stream ended: the split is done and its sockets can close. */
    final void finish() {
        finished = true;
    }

    final boolean isFinished() {
        return finished;
    }

    /** Handles the events on a readable monitor socket; false if the socket is not a monitor's. */
    final boolean readMonitor(ZMQ.Socket socket) {
        for (ConnectionMonitor monitor : monitors()) {
            if (socket == monitor.socket()) {
                monitor.drain();
                return true;
            }
        }
        return false;
    }

    @Override
    public abstract void close();
}
