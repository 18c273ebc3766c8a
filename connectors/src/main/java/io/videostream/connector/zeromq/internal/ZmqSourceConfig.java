package io.videostream.connector.zeromq.internal;

import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A source's settings, checked together when it is built and handed to its readers.
 *
 * @param track REQ: the track to ask the distributor for; null for the other patterns
 * @param requestsInFlight REQ: requests outstanding per split
 * @param readersPerEndpoint REQ: the readers that ask each endpoint, a split each (1 for the other patterns)
 * @param retryPause REQ: pause before asking again after "not available"
 * @param requestTimeout REQ: how long a request may stay unanswered before it is sent again
 */
@Internal
public record ZmqSourceConfig(ZmqSourcePattern pattern, List<ZmqEndpoint> endpoints, String track,
        int requestsInFlight, int readersPerEndpoint, Duration retryPause, Duration requestTimeout,
        SocketConfig sockets)
        implements Serializable {

    public ZmqSourceConfig {
        endpoints = List.copyOf(endpoints);
        if (pattern == null) {
            throw new IllegalArgumentException("ZeroMQ source: set a pattern (SUB, PULL, REQ or REP)");
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("ZeroMQ source: add at least one endpoint");
        }
        Set<ZmqEndpoint> seen = new HashSet<>();
        for (ZmqEndpoint endpoint : endpoints) {
            if (!seen.add(endpoint)) {
                throw new IllegalArgumentException("ZeroMQ source: the endpoint " + endpoint + " is listed twice");
            }
        }
        if (pattern == ZmqSourcePattern.REQ && (track == null || track.isEmpty())) {
            throw new IllegalArgumentException("ZeroMQ source: the REQ pattern needs a track to request");
        }
        if (pattern != ZmqSourcePattern.REQ && track != null) {
            throw new IllegalArgumentException("ZeroMQ source: a track only applies to the REQ pattern");
        }
        SocketConfig.require(requestsInFlight >= 1, ZmqOptions.REQUESTS_IN_FLIGHT, requestsInFlight,
                "must be at least 1");
        SocketConfig.require(readersPerEndpoint >= 1, ZmqOptions.READERS_PER_ENDPOINT, readersPerEndpoint,
                "must be at least 1");
        SocketConfig.require(readersPerEndpoint == 1 || pattern == ZmqSourcePattern.REQ,
                ZmqOptions.READERS_PER_ENDPOINT, readersPerEndpoint, "applies to the REQ pattern only (readers "
                        + "sharing a " + pattern + " endpoint would each get every frame, or not each the end of "
                        + "stream)");
        SocketConfig.require(!retryPause.isNegative(), ZmqOptions.RETRY_PAUSE, retryPause, "must not be negative");
        SocketConfig.require(!requestTimeout.isNegative() && !requestTimeout.isZero(), ZmqOptions.REQUEST_TIMEOUT, requestTimeout,
                "must be positive");
    }

    /**
     * The splits, in the order the enumerator spreads them over the readers (split i to reader i mod
     * parallelism): every endpoint's first, then every endpoint's second, and so on, so that the
     * readers sharing an endpoint are different readers.
     */
    public List<ZmqSplit> splits() {
        List<ZmqSplit> splits = new ArrayList<>();
        for (int share = 0; share < readersPerEndpoint; share++) {
            for (ZmqEndpoint endpoint : endpoints) {
                splits.add(new ZmqSplit(endpoint, share));
            }
        }
        return splits;
    }

    /**
     * The builder's settings with the options and CURVE (or null); throws {@link IllegalArgumentException}
     * if they do not fit.
     */
    public static ZmqSourceConfig of(ZmqSourcePattern pattern, List<ZmqEndpoint> endpoints, String track,
            ReadableConfig options, ZmqCurve curve) {
        return new ZmqSourceConfig(pattern, endpoints, track, options.get(ZmqOptions.REQUESTS_IN_FLIGHT),
                options.get(ZmqOptions.READERS_PER_ENDPOINT), options.get(ZmqOptions.RETRY_PAUSE),
                options.get(ZmqOptions.REQUEST_TIMEOUT), SocketConfig.from(options, curve, endpoints));
    }
}
