package io.videostream.connector.zeromq.sink;

import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Builds a {@link ZmqSink}:
 *
 * <pre>{@code
 * ZmqSink<Frame> sink = ZmqSink.<Frame>builder()
 *         .setPattern(ZmqSinkPattern.PUSH)
 *         .setEndpoint(ZmqEndpoint.connect("tcp://localhost:5556"))
 *         .setSerializer(schema)
 *         .setFlowControl(FlowControl.DROP_OLDEST)
 *         .build();
 * }</pre>
 */
@PublicEvolving
public final class ZmqSinkBuilder<T> {
    private ZmqSinkPattern pattern;
    private ZmqEndpoint endpoint;
    private final List<String> tracks = new ArrayList<>();
    private ZmqSerializationSchema<T> schema;
    private final Configuration config = new Configuration();
    private ZmqCurve curve;

    ZmqSinkBuilder() {}

    public ZmqSinkBuilder<T> setPattern(ZmqSinkPattern pattern) {
        this.pattern = pattern;
        return this;
    }

    public ZmqSinkBuilder<T> setEndpoint(ZmqEndpoint endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /** REP only: the tracks the distributor serves, one queue each (pystreaming's default is {@code none}). */
    public ZmqSinkBuilder<T> setTracks(String... names) {
        tracks.clear();
        tracks.addAll(List.of(names));
        return this;
    }

    public ZmqSinkBuilder<T> setSerializer(ZmqSerializationSchema<T> schema) {
        this.schema = schema;
        return this;
    }

    public ZmqSinkBuilder<T> setFlowControl(FlowControl flowControl) {
        return set(ZmqOptions.FLOW_CONTROL, flowControl);
    }

    /**
     * Encrypts and authenticates every connection with CURVE (on the native libzmq: the transport is
     * then {@link ZmqTransport#LIBZMQ} unless set otherwise, which is refused).
     */
    public ZmqSinkBuilder<T> setCurve(ZmqCurve curve) {
        this.curve = curve;
        return this;
    }

    /** Sets any of the {@link ZmqOptions}; null sets it back to its default. */
    public <V> ZmqSinkBuilder<T> set(ConfigOption<V> option, V value) {
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
    public ZmqSink<T> build() {
        ZmqSinkConfig checked = ZmqSinkConfig.of(pattern, endpoint, tracks, config, curve);
        if (schema == null) {
            throw new IllegalArgumentException("ZeroMQ sink: set a serialization schema");
        }
        return new ZmqSink<>(checked, schema);
    }
}
