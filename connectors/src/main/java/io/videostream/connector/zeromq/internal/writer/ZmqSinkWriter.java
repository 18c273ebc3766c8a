package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.connector.zeromq.internal.RateLimitedLog;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes records with the schema in the task thread. PUB and PUSH with {@code BLOCK} send them
 * from the task thread too ({@link DirectSender}); {@code DROP_OLDEST} and the REP distributor hand
 * them to a socket thread of their own, which drops or answers requests whatever the task does. When
 * the input ends it sends what is held and the schema's end-of-stream marker, lingering up to
 * {@link ZmqOptions#LINGER} so they leave. A record the schema cannot turn into a message is skipped,
 * counted ({@code numRecordsOutErrors}) and logged at a limited rate; the records around it go out.
 */
@Internal
public final class ZmqSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ZmqSinkWriter.class);

    private final ZmqSerializationSchema<T> schema;
    private final Counter errors;
    private final RateLimitedLog errorLog = new RateLimitedLog(LOG, 10_000);
    private final MessageSender loop;
    private boolean ended;

    public ZmqSinkWriter(ZmqSinkConfig config, ZmqSerializationSchema<T> schema, SinkWriterMetricGroup metrics,
            String threadName) {
        this.schema = schema;
        this.errors = metrics.getNumRecordsOutErrorsCounter();
        if (config.pattern() == ZmqSinkPattern.REP) {
            DistributorLoop distributor = new DistributorLoop(config, schema, metrics, threadName);
            distributor.start();
            loop = distributor;
        } else {
            SocketKind kind = config.pattern() == ZmqSinkPattern.PUB ? SocketKind.PUB : SocketKind.PUSH;
            if (config.flowControl() == FlowControl.BLOCK) {
                loop = new DirectSender(kind, config, metrics);
            } else {
                SenderLoop sender = new SenderLoop(kind, config, metrics, threadName);
                sender.start();
                loop = sender;
            }
        }
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        loop.checkHealthy();
        List<byte[]> message;
        try {
            message = schema.serialize(element);
        } catch (RuntimeException e) {
            errors.inc();
            errorLog.warn("Skipped a record that cannot be sent as a message: {}", e.getMessage());
            return;
        }
        loop.offer(message);
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
