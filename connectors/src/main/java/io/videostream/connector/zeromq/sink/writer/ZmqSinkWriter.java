package io.videostream.connector.zeromq.sink.writer;

import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.zeromq.SocketType;

/**
 * Serializes records with the schema in the task thread and hands them to the socket's own thread.
 * When the input ends it sends what is queued and the schema's end-of-stream marker, lingering up to
 * {@link ZmqOptions#LINGER} so they leave.
 */
public final class ZmqSinkWriter<T> implements SinkWriter<T> {
    private final ZmqSerializationSchema<T> schema;
    private final SocketLoop loop;
    private boolean ended;

    public ZmqSinkWriter(ZmqSinkPattern pattern, ZmqEndpoint endpoint, List<String> tracks,
            ZmqSerializationSchema<T> schema, ReadableConfig config, SinkWriterMetricGroup metrics, String threadName) {
        this.schema = schema;
        int capacity = config.get(ZmqOptions.SEND_QUEUE);
        FlowControl flowControl = config.get(ZmqOptions.FLOW_CONTROL);
        if (pattern == ZmqSinkPattern.REP) {
            loop = new DistributorLoop(endpoint, config, tracks, capacity, flowControl, config.get(ZmqOptions.LINGER),
                    schema, metrics, threadName);
        } else {
            SocketType type = pattern == ZmqSinkPattern.PUB ? SocketType.PUB : SocketType.PUSH;
            loop = new SenderLoop(type, endpoint, config, capacity, flowControl, config.get(ZmqOptions.LINGER),
                    metrics, threadName);
        }
        loop.start();
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        loop.checkHealthy();
        loop.offer(schema.serialize(element));
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        loop.checkHealthy();
        if (endOfInput && !ended) {
            ended = true;
            loop.finish(schema.endOfStream());
        }
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
    }
}
