package io.videostream.connector.zeromq.internal;

import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A sink's settings, checked together when it is built and handed to its writers.
 *
 * @param tracks REP: the tracks the distributor serves; empty for the other patterns
 * @param queueCapacity messages held in front of the socket (per track for REP)
 * @param linger how long the last messages may take to leave when the input ends
 * @param hold REP: how long a request for an empty track waits for a message
 */
@Internal
public record ZmqSinkConfig(ZmqSinkPattern pattern, ZmqEndpoint endpoint, List<String> tracks, int queueCapacity,
        FlowControl flowControl, Duration linger, Duration hold, SocketConfig sockets) implements Serializable {

    public ZmqSinkConfig {
        tracks = List.copyOf(tracks);
        if (pattern == null) {
            throw new IllegalArgumentException("ZeroMQ sink: set a pattern (PUB, PUSH or REP)");
        }
        if (endpoint == null) {
            throw new IllegalArgumentException("ZeroMQ sink: set an endpoint");
        }
        if (pattern == ZmqSinkPattern.REP && tracks.isEmpty()) {
            throw new IllegalArgumentException("ZeroMQ sink: a REP distributor needs at least one track");
        }
        if (pattern != ZmqSinkPattern.REP && !tracks.isEmpty()) {
            throw new IllegalArgumentException("ZeroMQ sink: tracks only apply to the REP pattern");
        }
        SocketConfig.require(queueCapacity >= 1, ZmqOptions.SEND_QUEUE, queueCapacity, "must be at least 1");
        SocketConfig.requireMillis(linger, ZmqOptions.LINGER);
        SocketConfig.requireMillis(hold, ZmqOptions.DISTRIBUTOR_HOLD);
    }

    /**
     * The builder's settings with the options and CURVE (or null); throws {@link IllegalArgumentException}
     * if they do not fit.
     */
    public static ZmqSinkConfig of(ZmqSinkPattern pattern, ZmqEndpoint endpoint, List<String> tracks,
            ReadableConfig options, ZmqCurve curve) {
        return new ZmqSinkConfig(pattern, endpoint, tracks, options.get(ZmqOptions.SEND_QUEUE),
                options.get(ZmqOptions.FLOW_CONTROL), options.get(ZmqOptions.LINGER), options.get(ZmqOptions.DISTRIBUTOR_HOLD),
                SocketConfig.from(options, curve, endpoint == null ? List.of() : List.of(endpoint)));
    }

    /**
     * Each writer has its own socket, and only one can bind an address: a sink that binds must run
     * with parallelism 1. Checked when a writer starts, the first time the parallelism is known.
     */
    public void checkParallelism(int parallelism) {
        if (endpoint.isBind() && parallelism > 1) {
            throw new IllegalArgumentException("a ZeroMQ sink that binds " + endpoint.address()
                    + " must run with parallelism 1, not " + parallelism + " (call setParallelism(1) on it)");
        }
    }
}
