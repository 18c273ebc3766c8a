package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.internal.Multipart;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import io.videostream.connector.zeromq.internal.socket.ZmqSocket;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * The thread that owns a sink's socket (ZeroMQ sockets belong to one thread). The writer hands it
 * messages through bounded queues; it sends them, or for a distributor answers requests with them.
 */
@Internal
abstract class SocketLoop implements MessageSender {
    /** How long one step may wait for a message, a request or room in ZeroMQ's queue. */
    static final int STEP_MILLIS = 50;

    private final SinkSocket sinkSocket;
    protected final ZmqSocket socket;
    private final Counter recordsSent;
    private final Counter bytesSent;
    private final Thread thread;
    private final FlowControl flowControl;
    protected volatile boolean finishing;
    private volatile boolean stopped;
    private volatile Throwable failure;

    SocketLoop(SocketKind kind, ZmqSinkConfig config, SinkWriterMetricGroup metrics, String name) {
        this.sinkSocket = new SinkSocket(kind, config, STEP_MILLIS, SocketMetrics.register(metrics));
        this.socket = sinkSocket.socket;
        this.flowControl = config.flowControl();
        this.recordsSent = metrics.getNumRecordsSendCounter();
        this.bytesSent = metrics.getNumBytesSendCounter();
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public abstract void offer(List<byte[]> message) throws InterruptedException;

    /** One turn of the loop: send or answer what is there, waiting at most {@link #STEP_MILLIS}. */
    abstract void step() throws InterruptedException;

    /** Nothing is left to hand out. */
    abstract boolean drained();

    /** Sends a whole message, counting it as a record when {@code isRecord}; false if ZeroMQ had no room. */
    final boolean send(List<byte[]> message, boolean isRecord) {
        if (!socket.send(message)) {
            return false;
        }
        if (isRecord) {
            recordsSent.inc();
            bytesSent.inc(Multipart.size(message));
        }
        return true;
    }

    /** Whether a waiting writer should keep waiting. */
    final boolean running() {
        return !stopped && failure == null;
    }

    private void run() {
        try {
            while (!stopped) {
                sinkSocket.checkAlive();
                socket.handleEvents();
                step();
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Fails the caller if the loop has died. */
    @Override
    public final void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("ZeroMQ sink socket thread failed: " + failure, failure);
        }
    }

    /**
     * Input ended: hand out what is queued, then the end-of-stream marker. Returns when all is handed
     * to ZeroMQ; with {@link FlowControl#DROP_OLDEST}, after the linger time at the latest.
     */
    @Override
    public void finish(List<byte[]> endOfStream) throws InterruptedException {
        finishing = true;
        long deadline = System.nanoTime() + sinkSocket.linger.toNanos();
        while (running() && !drained() && (flowControl == FlowControl.BLOCK || System.nanoTime() < deadline)) {
            Thread.sleep(5);
        }
        checkHealthy();
    }

    final Duration linger() {
        return sinkSocket.linger;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
        sinkSocket.close();
    }
}
