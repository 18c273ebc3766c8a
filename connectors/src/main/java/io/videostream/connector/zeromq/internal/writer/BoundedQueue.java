package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.common.FlowControl;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;

/**
 * The messages a sink holds for its socket thread. Full, it either blocks the writer (back-pressure)
 * or drops its oldest message and counts it, as the flow control says.
 */
@Internal
final class BoundedQueue {
    private final ArrayDeque<List<byte[]>> messages = new ArrayDeque<>();
    private final int capacity;
    private final FlowControl flowControl;
    private final Counter dropped;

    /** @param capacity at least 1 ({@code ZmqSinkConfig} checks it) */
    BoundedQueue(int capacity, FlowControl flowControl, Counter dropped) {
        this.capacity = capacity;
        this.flowControl = flowControl;
        this.dropped = dropped;
    }

    /**
     * Queues a message. When the queue is full, {@link FlowControl#DROP_OLDEST} drops the oldest
     * queued message to make room; {@link FlowControl#BLOCK} waits for room while {@code keepWaiting}
     * holds.
     *
     * @return false if it stopped waiting without queueing the message
     */
    synchronized boolean put(List<byte[]> message, BooleanSupplier keepWaiting) throws InterruptedException {
        while (messages.size() >= capacity) {
            if (flowControl == FlowControl.DROP_OLDEST) {
                messages.pollFirst();
                dropped.inc();
                break;
            }
            if (!keepWaiting.getAsBoolean()) {
                return false;
            }
            wait(50);
        }
        messages.addLast(message);
        notifyAll();
        return true;
    }

    /** Puts back the newest message, taken but not handed out (its peer was gone). */
    synchronized void putBackNewest(List<byte[]> message) {
        messages.addLast(message);
    }

    /** The oldest message, or null. */
    synchronized List<byte[]> pollOldest() {
        return taken(messages.pollFirst());
    }

    /** The newest message, or null. */
    synchronized List<byte[]> pollNewest() {
        return taken(messages.pollLast());
    }

    private List<byte[]> taken(List<byte[]> message) {
        if (message != null) {
            notifyAll();
        }
        return message;
    }

    synchronized int size() {
        return messages.size();
    }

    /** Waits up to {@code millis} for a message to arrive. */
    synchronized void awaitMessage(long millis) throws InterruptedException {
        if (messages.isEmpty()) {
            wait(millis);
        }
    }
}
