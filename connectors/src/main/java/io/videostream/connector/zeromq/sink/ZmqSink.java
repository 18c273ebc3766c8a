package io.videostream.connector.zeromq.sink;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.connector.zeromq.internal.writer.ZmqSinkWriter;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;

/**
 * A Sink V2 that sends records as ZeroMQ multipart messages with the PUB, PUSH or REP (distributor)
 * pattern. Each parallel writer has its own socket, so a sink that binds its endpoint runs with
 * parallelism 1. Live streams are not replayed, so the sink gives no delivery guarantee across a
 * failure. Build one with {@link #builder()}.
 */
@PublicEvolving
public final class ZmqSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final ZmqSinkPattern pattern;
    private final ZmqEndpoint endpoint;
    private final List<String> tracks;
    private final ZmqSerializationSchema<T> schema;
    private final Configuration config;

    ZmqSink(ZmqSinkPattern pattern, ZmqEndpoint endpoint, List<String> tracks, ZmqSerializationSchema<T> schema,
            Configuration config) {
        this.pattern = pattern;
        this.endpoint = endpoint;
        this.tracks = List.copyOf(tracks);
        this.schema = schema;
        this.config = config;
    }

    public static <T> ZmqSinkBuilder<T> builder() {
        return new ZmqSinkBuilder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        int parallelism = context.getTaskInfo().getNumberOfParallelSubtasks();
        if (endpoint.isBind() && parallelism > 1) {
            throw new IllegalStateException("a ZeroMQ sink that binds " + endpoint.address()
                    + " must run with parallelism 1, not " + parallelism + " (call setParallelism(1) on it)");
        }
        String thread = "zeromq-" + pattern + "-" + endpoint.address() + "-" + context.getTaskInfo().getIndexOfThisSubtask();
        return new ZmqSinkWriter<>(pattern, endpoint, tracks, schema, config, context.metricGroup(), thread);
    }
}
