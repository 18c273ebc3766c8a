package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.internal.ZmqSourceConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.fetcher.SingleThreadFetcherManager;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/**
 * Reader of a ZeroMQ source: one fetcher thread polls the sockets of all its splits. Metrics besides
 * Flink's standard source ones: those of {@link SocketMetrics} and, for REQ, {@code requestsInFlight}.
 */
@Internal
public final class ZmqSourceReader<T> extends FailFastSourceReaderBase<T, T, ZmqSplit, ZmqSplit> {

    /** Flink's reader options (element queue capacity and so on) keep their defaults. */
    public ZmqSourceReader(ZmqSourceConfig config, ZmqDeserializationSchema<T> schema, SourceReaderContext context) {
        super(new SingleThreadFetcherManager<>(splitReader(config, schema, context)), new ZmqRecordEmitter<>(schema),
                new Configuration(), context);
    }

    private static <T> Supplier<SplitReader<T, ZmqSplit>> splitReader(ZmqSourceConfig config,
            ZmqDeserializationSchema<T> schema, SourceReaderContext context) {
        SocketMetrics socketMetrics = SocketMetrics.register(context.metricGroup());
        AtomicInteger inFlight = new AtomicInteger();
        if (config.pattern() == ZmqSourcePattern.REQ) {
            context.metricGroup().gauge("requestsInFlight", inFlight::get);
        }
        return () -> new ZmqSplitReader<>(config, new MessageHandler<>(schema, context.metricGroup()), socketMetrics,
                inFlight);
    }

    @Override
    protected void onSplitFinished(Map<String, ZmqSplit> finishedSplitIds) {}

    @Override
    protected ZmqSplit initializedState(ZmqSplit split) {
        return split;
    }

    @Override
    protected ZmqSplit toSplitType(String splitId, ZmqSplit state) {
        return state;
    }
}
