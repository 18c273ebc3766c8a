package io.videostream.formats.table;

import io.videostream.codec.Frame;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;

/**
 * The columns a zeromq table may declare, by name, any of them in any order: {@code stream STRING},
 * {@code fno BIGINT}, {@code ftime TIMESTAMP_LTZ(3)} (the capture time, for a WATERMARK), {@code meta
 * STRING} (the meta as JSON, {@link MetaJson}) and {@code jpeg BYTES}. A frame becomes a row of them,
 * and a row a frame.
 */
final class FrameColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A column a table may declare, with the type it must have. */
    enum Column {
        STREAM(LogicalTypeRoot.VARCHAR, "STRING"),
        FNO(LogicalTypeRoot.BIGINT, "BIGINT"),
        FTIME(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, "TIMESTAMP_LTZ(3)"),
        META(LogicalTypeRoot.VARCHAR, "STRING"),
        JPEG(LogicalTypeRoot.VARBINARY, "BYTES");

        private final LogicalTypeRoot root;
        private final String sql;

        Column(LogicalTypeRoot root, String sql) {
            this.root = root;
            this.sql = sql;
        }

        String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String all() {
            return Arrays.stream(values()).map(c -> c.sqlName() + " " + c.sql).collect(Collectors.joining(", "));
        }
    }

    private final Column[] columns;
    /** Each column's precision (for timestamps). */
    private final int[] precisions;

    private FrameColumns(Column[] columns, int[] precisions) {
        this.columns = columns;
        this.precisions = precisions;
    }

    /** The table's physical columns, checked: each must be one of the five, with its type, once. */
    static FrameColumns of(RowType physical) {
        List<RowType.RowField> fields = physical.getFields();
        Column[] columns = new Column[fields.size()];
        int[] precisions = new int[fields.size()];
        Set<Column> seen = EnumSet.noneOf(Column.class);
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).getName();
            Column column = Arrays.stream(Column.values()).filter(c -> c.sqlName().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new ValidationException("a zeromq table's columns are among " + Column.all()
                            + ": '" + name + "' is none of them"));
            LogicalType type = fields.get(i).getType();
            if (type.getTypeRoot() != column.root) {
                throw new ValidationException("column " + name + " of a zeromq table must be " + column.sql + ", not "
                        + type.asSummaryString());
            }
            if (!seen.add(column)) {
                throw new ValidationException("column " + name + " is declared twice");
            }
            columns[i] = column;
            precisions[i] = column == Column.FTIME ? LogicalTypeChecks.getPrecision(type) : 0;
        }
        return new FrameColumns(columns, precisions);
    }

    boolean has(Column column) {
        return Arrays.asList(columns).contains(column);
    }

    /** A frame as a row of the declared columns; meta None is a NULL meta. */
    RowData toRow(Frame frame) {
        GenericRowData row = new GenericRowData(columns.length);
        for (int i = 0; i < columns.length; i++) {
            row.setField(i, switch (columns[i]) {
                case STREAM -> StringData.fromString(frame.stream());
                case FNO -> frame.fno();
                case FTIME -> TimestampData.fromEpochMillis(frame.eventTimeMillis());
                case META -> frame.meta() == null ? null : StringData.fromString(MetaJson.write(frame.meta()));
                case JPEG -> frame.jpeg();
            });
        }
        return row;
    }

    /**
     * The frame a row stands for. What the row leaves out or NULL: the stream is pystreaming's
     * default, the frame number {@code nextFno}, the capture time now, the meta None; a row must
     * have its JPEG.
     */
    Frame toFrame(RowData row, long nextFno) {
        String stream = Frame.DEFAULT_STREAM;
        long fno = nextFno;
        double ftime = System.currentTimeMillis() / 1000.0;
        Object meta = null;
        byte[] jpeg = null;
        for (int i = 0; i < columns.length; i++) {
            if (row.isNullAt(i)) {
                continue;
            }
            switch (columns[i]) {
                case STREAM -> stream = row.getString(i).toString();
                case FNO -> fno = row.getLong(i);
                case FTIME -> {
                    TimestampData time = row.getTimestamp(i, precisions[i]);
                    ftime = time.getMillisecond() / 1000.0 + time.getNanoOfMillisecond() / 1e9;
                }
                case META -> meta = MetaJson.read(row.getString(i).toString());
                case JPEG -> jpeg = row.getBinary(i);
            }
        }
        if (jpeg == null) {
            throw new IllegalArgumentException("a row without its jpeg cannot be sent as a frame");
        }
        if (fno < 0) {
            throw new IllegalArgumentException("frame numbers start at 0 (pystreaming's negative ones are control "
                    + "messages): " + fno);
        }
        return Frame.encoded(stream, fno, ftime, meta, jpeg);
    }
}
