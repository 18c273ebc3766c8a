package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/** PUB and PUSH: sends queued messages in order; the end-of-stream marker goes last and is never dropped. */
@Internal
final class SenderLoop extends SocketLoop {
    private final BoundedQueue queue;
    private List<byte[]> pending;
    private volatile boolean pendingEmpty = true;
    private volatile List<byte[]> endOfStream;

    SenderLoop(SocketKind kind, ZmqSinkConfig config, SinkWriterMetricGroup metrics, String name) {
        super(kind, config, metrics, name);
        this.queue = new BoundedQueue(config.queueCapacity(), config.flowControl(), metrics.counter("droppedMessages"));
        metrics.gauge("queueDepth", queue::size);
    }

    @Override
    public void offer(List<byte[]> message) throws InterruptedException {
        queue.put(message, this::running);
    }

    @Override
    public void finish(List<byte[]> endOfStream) throws InterruptedException {
        if (endOfStream != null) {
            this.endOfStream = endOfStream; // before it is queued: the loop must know it when it sends it
            queue.put(endOfStream, this::running);
        }
        super.finish(endOfStream);
    }

    @Override
    void step() throws InterruptedException {
        if (pending == null) {
            pending = queue.pollOldest();
            if (pending == null) {
                queue.awaitMessage(STEP_MILLIS);
                return;
            }
            pendingEmpty = false;
        }
        if (send(pending, pending != endOfStream)) {
            pending = null;
            pendingEmpty = true;
        }
    }

    @Override
    boolean drained() {
        return pendingEmpty && queue.size() == 0;
    }
}
