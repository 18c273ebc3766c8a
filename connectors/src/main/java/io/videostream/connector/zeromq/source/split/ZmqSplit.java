package io.videostream.connector.zeromq.source.split;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One connection to an endpoint of a ZeroMQ source: the endpoint, and which of the readers that share
 * it (REQ, {@code zeromq.req.readers-per-endpoint}) this is, 0 for the first. A live socket has no
 * position to resume from, so that is all a split is.
 */
@Internal
public final class ZmqSplit implements SourceSplit {
    private final ZmqEndpoint endpoint;
    private final int share;

    public ZmqSplit(ZmqEndpoint endpoint) {
        this(endpoint, 0);
    }

    public ZmqSplit(ZmqEndpoint endpoint, int share) {
        if (share < 0) {
            throw new IllegalArgumentException("a split's share is not negative: " + share);
        }
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.share = share;
    }

    public ZmqEndpoint endpoint() {
        return endpoint;
    }

    /** Which of the readers sharing the endpoint this split is for, 0 for the first. */
    public int share() {
        return share;
    }

    @Override
    public String splitId() {
        return share == 0 ? endpoint.toString() : endpoint + " #" + share;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZmqSplit s && endpoint.equals(s.endpoint) && share == s.share;
    }

    @Override
    public int hashCode() {
        return 31 * endpoint.hashCode() + share;
    }

    @Override
    public String toString() {
        return "ZmqSplit[" + splitId() + "]";
    }
}
