package io.videostream.connector.zeromq.internal.writer;

import java.util.List;
import org.apache.flink.annotation.Internal;

/** How a sink writer hands its messages to ZeroMQ. All methods are called by the task thread. */
@Internal
interface MessageSender extends AutoCloseable {
    /** Hands a record's message over; may block (back-pressure) or drop, as the flow control says. */
    void offer(List<byte[]> message) throws InterruptedException;

    /** Input ended: hands out what is held, then the end-of-stream marker (if any). */
    void finish(List<byte[]> endOfStream) throws InterruptedException;

    /** Fails the caller if sending has failed. */
    void checkHealthy();

    @Override
    void close() throws InterruptedException;
}
