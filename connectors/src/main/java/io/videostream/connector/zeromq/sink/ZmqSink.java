package io.videostream.connector.zeromq.sink;

import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.writer.ZmqSinkWriter;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that sends records as ZeroMQ multipart messages with the PUB, PUSH or REP (distributor)
 * pattern. Each parallel writer has its own socket, so a sink that binds its endpoint runs with
 * parallelism 1. Live streams are not replayed, so the sink gives no delivery guarantee across a
 * failure. Build one with {@link #builder()}.
 */
@PublicEvolving
public final class ZmqSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final ZmqSinkConfig config;
    private final ZmqSerializationSchema<T> schema;

    ZmqSink(ZmqSinkConfig config, ZmqSerializationSchema<T> schema) {
        this.config = config;
        this.schema = schema;
    }

    public static <T> ZmqSinkBuilder<T> builder() {
        return new ZmqSinkBuilder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        config.checkParallelism(context.getTaskInfo().getNumberOfParallelSubtasks());
        String thread = "zeromq-" + config.pattern() + "-" + config.endpoint().address() + "-"
                + context.getTaskInfo().getIndexOfThisSubtask();
        return new ZmqSinkWriter<>(config, schema, context.metricGroup(), thread);
    }
}
