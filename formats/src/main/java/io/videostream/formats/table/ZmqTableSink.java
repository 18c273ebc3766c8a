package io.videostream.formats.table;

import io.videostream.codec.wire.WireLimits;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;

/**
 * A zeromq table written to: each row a pystreaming message, STOPSTREAM when the query's input ends.
 * One sender (parallelism 1), so a receiver gets the end of the stream once, after every frame; PUSH
 * waits for a slow receiver, PUB drops for slow subscribers.
 */
final class ZmqTableSink implements DynamicTableSink {
    private final FrameColumns columns;
    private final ZmqTableOptions.Pattern pattern;
    private final ZmqEndpoint endpoint;
    private final TableSockets sockets;

    ZmqTableSink(FrameColumns columns, ZmqTableOptions.Pattern pattern, ZmqEndpoint endpoint, TableSockets sockets) {
        this.columns = columns;
        this.pattern = pattern;
        this.endpoint = endpoint;
        this.sockets = sockets;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        boolean push = pattern == ZmqTableOptions.Pattern.PUSH;
        ZmqSink<RowData> sink = sockets.applyTo(ZmqSink.<RowData>builder())
                .setPattern(push ? ZmqSinkPattern.PUSH : ZmqSinkPattern.PUB)
                .setEndpoint(endpoint)
                .setSerializer(new FrameRowSerializer(columns))
                .set(ZmqOptions.MAX_MESSAGE_SIZE, new MemorySize(WireLimits.DEFAULT.largestPart()))
                .setFlowControl(push ? FlowControl.BLOCK : FlowControl.DROP_OLDEST)
                .build();
        return SinkV2Provider.of(sink, 1);
    }

    @Override
    public DynamicTableSink copy() {
        return new ZmqTableSink(columns, pattern, endpoint, sockets);
    }

    @Override
    public String asSummaryString() {
        return "zeromq " + pattern.name().toLowerCase() + " " + endpoint;
    }
}
