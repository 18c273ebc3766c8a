package io.videostream.formats.table;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.wire.WireLimits;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourceBuilder;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.ImageZmqSchema;
import io.videostream.formats.PyStreamingSchema;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/** A zeromq table read from: one endpoint's frames as rows (pystreaming's or imagezmq's), inserts only. */
final class ZmqTableSource implements ScanTableSource {
    private final DataType physicalType;
    private final FrameColumns columns;
    private final ZmqTableOptions.Pattern pattern;
    private final ZmqEndpoint endpoint;
    private final String track;
    private final ZmqTableOptions.Format format;
    private final TableSockets sockets;

    ZmqTableSource(DataType physicalType, ZmqTableOptions.Pattern pattern, ZmqEndpoint endpoint, String track,
            ZmqTableOptions.Format format, TableSockets sockets) {
        this.physicalType = physicalType;
        this.columns = FrameColumns.of((RowType) physicalType.getLogicalType());
        this.pattern = pattern;
        this.endpoint = endpoint;
        this.track = track;
        this.format = format;
        this.sockets = sockets;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        ZmqDeserializationSchema<Frame> frames = format == ZmqTableOptions.Format.IMAGEZMQ
                ? new ImageZmqSchema(WireLimits.DEFAULT, JpegSettings.DEFAULT) : new PyStreamingSchema();
        ZmqSourceBuilder<RowData> builder = sockets.applyTo(ZmqSource.<RowData>builder())
                .setPattern(ZmqSourcePattern.valueOf(pattern.name()))
                .addEndpoint(endpoint)
                .setDeserializer(new FrameRowDeserializer(frames, columns, context.createTypeInformation(physicalType)))
                .set(ZmqOptions.MAX_MESSAGE_SIZE, new MemorySize(WireLimits.DEFAULT.largestPart()));
        if (pattern == ZmqTableOptions.Pattern.REQ) {
            builder.setTrack(track);
        }
        return SourceProvider.of(builder.build());
    }

    @Override
    public DynamicTableSource copy() {
        return new ZmqTableSource(physicalType, pattern, endpoint, track, format, sockets);
    }

    @Override
    public String asSummaryString() {
        return "zeromq " + pattern.name().toLowerCase() + " " + endpoint;
    }
}
