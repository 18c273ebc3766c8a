package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.internal.ZmqSourceConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.connector.zeromq.source.enumerator.StreamEndedEvent;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.fetcher.SingleThreadFetcherManager;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/**
 * Reader of a ZeroMQ source: one fetcher thread polls the sockets of all its splits. Metrics besides
 * Flink's standard source ones: those of {@link SocketMetrics} and, for REQ, {@code requestsInFlight}.
 * The ends of stream its splits see go to the enumerator, which passes them on to the other readers
 * ({@link StreamEndedEvent}).
 */
@Internal
public final class ZmqSourceReader<T> extends FailFastSourceReaderBase<T, T, ZmqSplit, ZmqSplit> {
    private final EndedStreams endedStreams;

    /** Flink's reader options (element queue capacity and so on) keep their defaults. */
    public ZmqSourceReader(ZmqSourceConfig config, ZmqDeserializationSchema<T> schema, SourceReaderContext context) {
        this(config, schema, context, new EndedStreams());
    }

    private ZmqSourceReader(ZmqSourceConfig config, ZmqDeserializationSchema<T> schema, SourceReaderContext context,
            EndedStreams endedStreams) {
        super(new SingleThreadFetcherManager<>(splitReader(config, schema, context, endedStreams)),
                new ZmqRecordEmitter<>(schema), new Configuration(), context);
        this.endedStreams = endedStreams;
    }

    private static <T> Supplier<SplitReader<T, ZmqSplit>> splitReader(ZmqSourceConfig config,
            ZmqDeserializationSchema<T> schema, SourceReaderContext context, EndedStreams endedStreams) {
        SocketMetrics socketMetrics = SocketMetrics.register(context.metricGroup());
        AtomicInteger inFlight = new AtomicInteger();
        if (config.pattern() == ZmqSourcePattern.REQ) {
            context.metricGroup().gauge("requestsInFlight", inFlight::get);
        }
        return () -> new ZmqSplitReader<>(config, new MessageHandler<>(schema, context.metricGroup()), socketMetrics,
                inFlight, endedStreams);
    }

    @Override
    protected void onSplitFinished(Map<String, ZmqSplit> finishedSplitIds) {
        for (ZmqEndpoint endpoint : endedStreams.takeToTell()) {
            context.sendSourceEventToCoordinator(new StreamEndedEvent(endpoint));
        }
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof StreamEndedEvent ended) {
            endedStreams.told(ended.endpoint());
        } else {
            super.handleSourceEvents(event);
        }
    }

    @Override
    protected ZmqSplit initializedState(ZmqSplit split) {
        return split;
    }

    @Override
    protected ZmqSplit toSplitType(String splitId, ZmqSplit state) {
        return state;
    }
}
