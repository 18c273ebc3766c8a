package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.internal.Multipart;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * PUB and PUSH with back-pressure ({@code BLOCK}): the task thread owns the socket and sends each
 * message itself, waiting while ZeroMQ has no room, so a record costs no hand-off to another thread.
 * The writer's methods all run in the task thread, which is what a ZeroMQ socket needs.
 */
@Internal
final class DirectSender implements MessageSender {
    /** How long one send may wait for room before the monitor and cancellation are looked at. */
    private static final int STEP_MILLIS = 50;
    /** How often the monitor is looked at while records flow. */
    private static final long MONITOR_NANOS = 50_000_000L;

    private final SinkSocket sinkSocket;
    private final Counter recordsSent;
    private final Counter bytesSent;
    private long monitorDue;

    DirectSender(SocketKind kind, ZmqSinkConfig config, SinkWriterMetricGroup metrics) {
        this.sinkSocket = new SinkSocket(kind, config, STEP_MILLIS, SocketMetrics.register(metrics));
        this.recordsSent = metrics.getNumRecordsSendCounter();
        this.bytesSent = metrics.getNumBytesSendCounter();
        metrics.counter("droppedMessages"); // none with BLOCK, but the metric is there as for every sink
        metrics.gauge("queueDepth", () -> 0);
    }

    @Override
    public void offer(List<byte[]> message) throws InterruptedException {
        send(message);
        recordsSent.inc();
        bytesSent.inc(Multipart.size(message));
    }

    @Override
    public void finish(List<byte[]> endOfStream) throws InterruptedException {
        if (endOfStream != null) {
            send(endOfStream);
        }
    }

    /** Sends a whole message, waiting for room; looks at the monitor now and then, and while it waits. */
    private void send(List<byte[]> message) throws InterruptedException {
        long now = System.nanoTime();
        if (now - monitorDue >= 0) {
            sinkSocket.socket.handleEvents();
            monitorDue = now + MONITOR_NANOS;
        }
        while (!sinkSocket.send(message)) {
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled while waiting for room to send");
            }
            sinkSocket.checkAlive();
            sinkSocket.socket.handleEvents();
        }
    }

    @Override
    public void checkHealthy() {
        sinkSocket.checkAlive();
    }

    @Override
    public void close() {
        sinkSocket.close();
    }
}
