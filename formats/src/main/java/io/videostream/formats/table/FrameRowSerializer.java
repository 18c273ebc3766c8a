package io.videostream.formats.table;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.formats.PyStreamingSchema;
import java.util.List;
import org.apache.flink.table.data.RowData;

/** A table's rows as pystreaming messages ({@link FrameColumns} makes the frames); STOPSTREAM at the end. */
final class FrameRowSerializer implements ZmqSerializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final PyStreamingSchema wire = new PyStreamingSchema();
    private final FrameColumns columns;
    /** The next frame number for a row without one (per sink instance). */
    private transient long nextFno;

    FrameRowSerializer(FrameColumns columns) {
        this.columns = columns;
    }

    @Override
    public List<byte[]> serialize(RowData row) {
        Frame frame = columns.toFrame(row, nextFno);
        nextFno = frame.fno() + 1;
        return wire.serialize(frame);
    }

    @Override
    public List<byte[]> endOfStream() {
        return wire.endOfStream();
    }
}
