package io.videostream.connector.zeromq.source;

import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.internal.ZmqSourceConfig;
import java.util.ArrayList;
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
    private String track;
    private ZmqDeserializationSchema<T> schema;
    private final Configuration config = new Configuration();
    private ZmqCurve curve;

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

    /** REQ only: the track to ask the distributor for (pystreaming's default is {@code none}). */
    public ZmqSourceBuilder<T> setTrack(String track) {
        this.track = track;
        return this;
    }

    /** REQ only: requests outstanding per split (pystreaming's {@code reqthread}). */
    public ZmqSourceBuilder<T> setRequestsInFlight(int requests) {
        return set(ZmqOptions.REQUESTS_IN_FLIGHT, requests);
    }

    /** REQ only: how many readers ask each endpoint, each a split of its own ({@link ZmqOptions#READERS_PER_ENDPOINT}). */
    public ZmqSourceBuilder<T> setReadersPerEndpoint(int readers) {
        return set(ZmqOptions.READERS_PER_ENDPOINT, readers);
    }

    public ZmqSourceBuilder<T> setDeserializer(ZmqDeserializationSchema<T> schema) {
        this.schema = schema;
        return this;
    }

    /**
     * Encrypts and authenticates every connection with CURVE (on the native libzmq: the transport is
     * then {@link ZmqTransport#LIBZMQ} unless set otherwise, which is refused).
     */
    public ZmqSourceBuilder<T> setCurve(ZmqCurve curve) {
        this.curve = curve;
        return this;
    }

    /** Sets any of the {@link ZmqOptions}; null sets it back to its default. */
    public <V> ZmqSourceBuilder<T> set(ConfigOption<V> option, V value) {
        if (value == null) {
            config.removeConfig(option);
        } else {
            config.set(option, value);
        }
        return this;
    }

    /**
     * Checks the settings and options together.
     *
     * @throws IllegalArgumentException naming what is missing or does not fit
     */
    public ZmqSource<T> build() {
        ZmqSourceConfig checked = ZmqSourceConfig.of(pattern, endpoints, track, config, curve);
        if (schema == null) {
            throw new IllegalArgumentException("ZeroMQ source: set a deserialization schema");
        }
        return new ZmqSource<>(checked, schema);
    }
}
