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

    /**
     * The message a distributor answers a request with, or null: with {@link FlowControl#DROP_OLDEST}
     * (live) the newest, pystreaming's freshest frame, the older ones soon dropped; with
     * {@link FlowControl#BLOCK} (nothing dropped) the oldest: newest-first under a writer that waits
     * for room would keep the oldest at the bottom for as long as frames come faster than workers take
     * them, and they would reach a receiver too late to be put in order.
     */
    synchronized List<byte[]> pollForRequest() {
        return taken(flowControl == FlowControl.BLOCK ? messages.pollFirst() : messages.pollLast());
    }

    /** Puts back a message {@link #pollForRequest()} took but could not hand out (its peer was gone). */
    synchronized void putBack(List<byte[]> message) {
        if (flowControl == FlowControl.BLOCK) {
            messages.addFirst(message);
        } else {
            messages.addLast(message);
        }
    }

    /** The oldest message, or null. */
    synchronized List<byte[]> pollOldest() {
        return taken(messages.pollFirst());
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
