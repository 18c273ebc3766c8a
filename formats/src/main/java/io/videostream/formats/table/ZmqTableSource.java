package io.videostream.formats.table;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourceBuilder;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.PyStreamingSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/** A zeromq table read from: one endpoint's frames as rows, inserts only, ending with the stream. */
final class ZmqTableSource implements ScanTableSource {
    private final DataType physicalType;
    private final FrameColumns columns;
    private final ZmqTableOptions.Pattern pattern;
    private final ZmqEndpoint endpoint;
    private final String track;

    ZmqTableSource(DataType physicalType, ZmqTableOptions.Pattern pattern, ZmqEndpoint endpoint, String track) {
        this.physicalType = physicalType;
        this.columns = FrameColumns.of((RowType) physicalType.getLogicalType());
        this.pattern = pattern;
        this.endpoint = endpoint;
        this.track = track;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        FrameRowSchema schema = new FrameRowSchema(columns, context.createTypeInformation(physicalType));
        ZmqSourceBuilder<RowData> builder = ZmqSource.<RowData>builder()
                .setPattern(ZmqSourcePattern.valueOf(pattern.name()))
                .addEndpoint(endpoint)
                .setDeserializer(schema)
                .set(ZmqOptions.MAX_MESSAGE_SIZE, new PyStreamingSchema().maxMessageSize());
        if (pattern == ZmqTableOptions.Pattern.REQ) {
            builder.setTrack(track);
        }
        return SourceProvider.of(builder.build());
    }

    @Override
    public DynamicTableSource copy() {
        return new ZmqTableSource(physicalType, pattern, endpoint, track);
    }

    @Override
    public String asSummaryString() {
        return "zeromq " + pattern.name().toLowerCase() + " " + endpoint;
    }
}
