package io.videostream.connector.zeromq.source;

import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Builds a {@link ZmqSource}:
 *
 * <pre>{@code
 * ZmqSource<Frame> source = ZmqSource.<Frame>builder()
 *         .setPattern(ZmqSourcePattern.SUB)
 *         .addEndpoint(ZmqEndpoint.connect("tcp://localhost:5555"))
 *         .setDeserializer(schema)
 *         .build();
 * }</pre>
 */
@PublicEvolving
public final class ZmqSourceBuilder<T> {
    private ZmqSourcePattern pattern;
    private final List<ZmqEndpoint> endpoints = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private String track;
    private ZmqDeserializationSchema<T> schema;
    private final Configuration config = new Configuration();

    ZmqSourceBuilder() {}

    public ZmqSourceBuilder<T> setPattern(ZmqSourcePattern pattern) {
        this.pattern = pattern;
        return this;
    }

    /** Adds an endpoint: each is one split, and the splits are spread over the parallel readers. */
    public ZmqSourceBuilder<T> addEndpoint(ZmqEndpoint endpoint) {
        endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
        return this;
    }

    /** SUB only: subscribe to messages whose first part starts with one of these prefixes (default: all). */
    public ZmqSourceBuilder<T> setTopics(String... prefixes) {
        topics.clear();
        topics.addAll(List.of(prefixes));
        return this;
    }

    /** REQ only: the track to ask the distributor for (pystreaming's default is {@code none}). */
    public ZmqSourceBuilder<T> setTrack(String track) {
        this.track = track;
        return this;
    }

    /** REQ only: requests outstanding per endpoint (pystreaming's {@code reqthread}). */
    public ZmqSourceBuilder<T> setRequestsInFlight(int requests) {
        return set(ZmqOptions.REQUESTS_IN_FLIGHT, requests);
    }

    public ZmqSourceBuilder<T> setDeserializer(ZmqDeserializationSchema<T> schema) {
        this.schema = schema;
        return this;
    }

    /** Sets any of the {@link ZmqOptions}. */
    public <V> ZmqSourceBuilder<T> set(ConfigOption<V> option, V value) {
        config.set(option, value);
        return this;
    }

    public ZmqSource<T> build() {
        if (pattern == null) {
            throw new IllegalArgumentException("ZeroMQ source: set a pattern (SUB, PULL or REQ)");
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("ZeroMQ source: add at least one endpoint");
        }
        if (new LinkedHashSet<>(endpoints).size() != endpoints.size()) {
            throw new IllegalArgumentException("ZeroMQ source: an endpoint is listed twice: " + endpoints);
        }
        if (schema == null) {
            throw new IllegalArgumentException("ZeroMQ source: set a deserialization schema");
        }
        if (pattern == ZmqSourcePattern.REQ && (track == null || track.isEmpty())) {
            throw new IllegalArgumentException("ZeroMQ source: the REQ pattern needs a track to request");
        }
        if (pattern != ZmqSourcePattern.REQ && track != null) {
            throw new IllegalArgumentException("ZeroMQ source: a track only applies to the REQ pattern");
        }
        if (pattern != ZmqSourcePattern.SUB && !topics.isEmpty()) {
            throw new IllegalArgumentException("ZeroMQ source: topics only apply to the SUB pattern");
        }
        if (config.get(ZmqOptions.REQUESTS_IN_FLIGHT) < 1) {
            throw new IllegalArgumentException("ZeroMQ source: requests in flight must be at least 1");
        }
        return new ZmqSource<>(pattern, endpoints, topics, track, schema, config);
    }
}
