package io.videostream.formats.table;

import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.formats.table.ZmqTableOptions.Format;
import io.videostream.formats.table.ZmqTableOptions.Pattern;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        return Set.of(ZmqTableOptions.TRACK, ZmqTableOptions.FORMAT, ZmqTableOptions.CURVE_CERT,
                ZmqTableOptions.CURVE_SERVER, ZmqTableOptions.CURVE_CLIENTS, ZmqOptions.TRANSPORT);
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
        ZmqEndpoint endpoint = ZmqEndpoint.parse(options.get(ZmqTableOptions.ENDPOINT),
                pattern == Pattern.PULL || pattern == Pattern.REP);
        return new ZmqTableSource(context.getPhysicalRowDataType(), pattern, endpoint,
                options.get(ZmqTableOptions.TRACK), format, sockets(options, endpoint));
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
        ZmqEndpoint endpoint = ZmqEndpoint.parse(options.get(ZmqTableOptions.ENDPOINT), pattern == Pattern.PUB);
        return new ZmqTableSink(columns, pattern, endpoint, sockets(options, endpoint));
    }

    /**
     * The transport and CURVE of a table's socket: none without {@code curve.cert}; with it, an endpoint
     * that binds lets in the clients of {@code curve.clients}, one that connects trusts {@code
     * curve.server}.
     */
    private static TableSockets sockets(ReadableConfig options, ZmqEndpoint endpoint) {
        ZmqTransport transport = options.getOptional(ZmqOptions.TRANSPORT).orElse(null);
        String own = options.getOptional(ZmqTableOptions.CURVE_CERT).orElse(null);
        String server = options.getOptional(ZmqTableOptions.CURVE_SERVER).orElse(null);
        String clients = options.getOptional(ZmqTableOptions.CURVE_CLIENTS).orElse(null);
        if (own == null) {
            require(server == null && clients == null, "'curve.server' and 'curve.clients' need 'curve.cert', this "
                    + "side's secret certificate");
            return new TableSockets(transport, null);
        }
        try {
            ZmqCurve curve = ZmqCurve.withCertificate(CurveCertificate.read(Path.of(own)));
            if (endpoint.isBind()) {
                require(clients != null, "%s binds: with 'curve.cert' it needs 'curve.clients', the directory of "
                        + "the public certificates of the clients it lets in", endpoint.address());
                List<CurveCertificate> allowed = CurveCertificate.readPublicKeys(Path.of(clients));
                require(!allowed.isEmpty(), "'curve.clients': no public certificates (*.key) in %s", clients);
                return new TableSockets(transport, curve.allowClients(allowed));
            }
            require(server != null, "%s connects: with 'curve.cert' it needs 'curve.server', the public "
                    + "certificate of the server", endpoint.address());
            return new TableSockets(transport, curve.trustServer(CurveCertificate.read(Path.of(server))));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("a zeromq table's CURVE: " + e.getMessage());
        }
    }

    private ReadableConfig validated(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        return helper.getOptions();
    }

    /** Fails the table's definition with the message (enums in lower case, as written in SQL; text as it is). */
    private static void require(boolean condition, String message, Object... values) {
        if (!condition) {
            Object[] lower = Arrays.stream(values).map(v -> v instanceof String ? v : v.toString().toLowerCase(Locale.ROOT))
                    .toArray();
            throw new ValidationException(String.format(message, lower));
        }
    }

    private static FrameColumns columns(Context context) {
        return FrameColumns.of((RowType) context.getPhysicalRowDataType().getLogicalType());
    }
}
