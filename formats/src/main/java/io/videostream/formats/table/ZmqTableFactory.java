package io.videostream.formats.table;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.formats.table.ZmqTableOptions.Format;
import io.videostream.formats.table.ZmqTableOptions.Pattern;
import java.util.Arrays;
import java.util.Locale;
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
        Pattern pattern = options.get(ZmqTableOptions.PATTERN);
        Format format = options.get(ZmqTableOptions.FORMAT);
        Set<Pattern> patterns = format == Format.IMAGEZMQ ? Set.of(Pattern.REP, Pattern.SUB)
                : Set.of(Pattern.SUB, Pattern.PULL, Pattern.REQ);
        require(patterns.contains(pattern), "a zeromq table read from in format %s has pattern %s, not %s",
                format, patterns, pattern);
        return new ZmqTableSource(context.getPhysicalRowDataType(), pattern, ZmqEndpoint.parse(
                options.get(ZmqTableOptions.ENDPOINT), pattern == Pattern.PULL || pattern == Pattern.REP),
                options.get(ZmqTableOptions.TRACK), format);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        ReadableConfig options = validated(context);
        Pattern pattern = options.get(ZmqTableOptions.PATTERN);
        require(pattern == Pattern.PUSH || pattern == Pattern.PUB,
                "a zeromq table written to has pattern push or pub, not %s", pattern);
        require(options.get(ZmqTableOptions.FORMAT) == Format.PYSTREAMING,
                "a zeromq table written to sends pystreaming's messages: its format is pystreaming");
        FrameColumns columns = columns(context);
        if (!columns.has(FrameColumns.Column.JPEG)) {
            throw new ValidationException("a zeromq table written to needs the column jpeg BYTES: a frame is its JPEG");
        }
        return new ZmqTableSink(columns, pattern,
                ZmqEndpoint.parse(options.get(ZmqTableOptions.ENDPOINT), pattern == Pattern.PUB));
    }

    private ReadableConfig validated(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        return helper.getOptions();
    }

    /** Fails the table's definition with the message (enum values in lower case, as written in SQL). */
    private static void require(boolean condition, String message, Object... values) {
        if (!condition) {
            Object[] lower = Arrays.stream(values).map(v -> v.toString().toLowerCase(Locale.ROOT)).toArray();
            throw new ValidationException(String.format(message, lower));
        }
    }

    private static FrameColumns columns(Context context) {
        return FrameColumns.of((RowType) context.getPhysicalRowDataType().getLogicalType());
    }
}
