package io.videostream.connector.zeromq.internal;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zmq.Msg;
import zmq.msg.MsgAllocator;

/**
 * Allocates the messages a socket receives, in jeromq's I/O thread, once a peer has announced their
 * size. ZeroMQ's maximum message size has already refused sizes over the limit; what is left to refuse
 * here are sizes of 2^63 bytes and more, which jeromq reads as negative numbers: they pass its check
 * and would end in an exception that leaves the I/O thread spinning on that connection, stalling every
 * socket it serves. Such a part is counted, logged, and replaced by an empty command, which ZeroMQ
 * drops. Messages live on the heap, not in direct memory: the source copies each into an array anyway,
 * and a heap array of the exact size is handed over without that copy.
 */
@Internal
public final class PeerMessageAllocator implements MsgAllocator {
    private static final Logger LOG = LoggerFactory.getLogger(PeerMessageAllocator.class);

    private final String description;
    private final Counter oversized;
    private final RateLimitedLog log = new RateLimitedLog(LOG, 10_000);

    public PeerMessageAllocator(String description, SocketMetrics metrics) {
        this.description = description;
        this.oversized = metrics.oversizedMessages;
    }

    @Override
    public Msg allocate(int size) {
        if (size >= 0) {
            return new Msg(size);
        }
        oversized.inc();
        log.warn("{}: a peer announced a message part of 2^63 bytes or more; refused", description);
        Msg refused = new Msg(0);
        refused.setFlags(Msg.COMMAND);
        return refused;
    }
}
