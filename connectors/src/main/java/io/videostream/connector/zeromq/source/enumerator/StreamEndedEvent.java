package io.videostream.connector.zeromq.source.enumerator;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * The stream of an endpoint ended: sent by the reader that was told so to the enumerator, and by the
 * enumerator to the other readers. Readers that share a distributor (REQ) need it: pystreaming's
 * distributor hands its end-of-stream marker out once, like a frame, so only one requester of one
 * reader gets it; the others are answered "not available" until the distributor goes away.
 */
@Internal
public final class StreamEndedEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final ZmqEndpoint endpoint;

    public StreamEndedEvent(ZmqEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    public ZmqEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return "StreamEndedEvent[" + endpoint + "]";
    }
}
