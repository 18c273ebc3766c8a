package io.videostream.connector.zeromq.source.split;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One endpoint of a ZeroMQ source. A live socket has no position to resume from, so the split is
 * the endpoint and nothing else.
 */
@Internal
public final class ZmqSplit implements SourceSplit {
    private final ZmqEndpoint endpoint;

    public ZmqSplit(ZmqEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    public ZmqEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String splitId() {
        return endpoint.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZmqSplit s && endpoint.equals(s.endpoint);
    }

    @Override
    public int hashCode() {
        return endpoint.hashCode();
    }

    @Override
    public String toString() {
        return "ZmqSplit[" + endpoint + "]";
    }
}
