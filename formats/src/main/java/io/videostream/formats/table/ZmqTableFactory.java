package io.videostream.formats.table;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * {@code 'connector' = 'zeromq'}: tables of pystreaming frames read from and written to ZeroMQ
 * sockets, found by Flink's factory discovery. A table declares any of the columns of {@link
 * FrameColumns}; one written to needs {@code jpeg}.
 */
public final class ZmqTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    public static final String IDENTIFIER = "zeromq";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(ZmqTableOptions.ENDPOINT, ZmqTableOptions.PATTERN);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(ZmqTableOptions.TRACK, ZmqTableOptions.FORMAT);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        ReadableConfig options = validated(context);
        ZmqTableOptions.Pattern pattern = options.get(ZmqTableOptions.PATTERN);
        if (pattern == ZmqTableOptions.Pattern.PUSH || pattern == ZmqTableOptions.Pattern.PUB) {
            throw new ValidationException("a zeromq table read from has pattern sub, pull or req, not "
                    + pattern.name().toLowerCase());
        }
        return new ZmqTableSource(context.getPhysicalRowDataType(), pattern,
                ZmqEndpoint.parse(options.get(ZmqTableOptions.ENDPOINT), pattern == ZmqTableOptions.Pattern.PULL),
                options.get(ZmqTableOptions.TRACK));
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        ReadableConfig options = validated(context);
        ZmqTableOptions.Pattern pattern = options.get(ZmqTableOptions.PATTERN);
        if (pattern != ZmqTableOptions.Pattern.PUSH && pattern != ZmqTableOptions.Pattern.PUB) {
            throw new ValidationException("a zeromq table written to has pattern push or pub, not "
                    + pattern.name().toLowerCase());
        }
        FrameColumns columns = columns(context);
        if (!columns.has(FrameColumns.Column.JPEG)) {
            throw new ValidationException("a zeromq table written to needs the column jpeg BYTES: a frame is its JPEG");
        }
        return new ZmqTableSink(columns, pattern,
                ZmqEndpoint.parse(options.get(ZmqTableOptions.ENDPOINT), pattern == ZmqTableOptions.Pattern.PUB));
    }

    private ReadableConfig validated(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        if (!options.get(ZmqTableOptions.FORMAT).equals("pystreaming")) {
            throw new ValidationException("the zeromq tables' format is pystreaming, not '"
                    + options.get(ZmqTableOptions.FORMAT) + "'");
        }
        return options;
    }

    private static FrameColumns columns(Context context) {
        return FrameColumns.of((RowType) context.getPhysicalRowDataType().getLogicalType());
    }
}
