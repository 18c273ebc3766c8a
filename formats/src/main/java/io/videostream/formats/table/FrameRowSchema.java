package io.videostream.formats.table;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.formats.PyStreamingSchema;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * pystreaming's messages as a table's rows and back: {@link PyStreamingSchema} for the wire, {@link
 * FrameColumns} for the row. STOPSTREAM ends the stream; a sink sends it when its input ends.
 */
final class FrameRowSchema implements ZmqDeserializationSchema<RowData>, ZmqSerializationSchema<RowData> {
    private static final long serialVersionUID = 1L;
    /** What a control message reads as: never emitted, only told apart by {@link #kind}. */
    private static final RowData END_OF_STREAM = new GenericRowData(0);
    private static final RowData NOT_AVAILABLE = new GenericRowData(0);
    private static final RowData UNKNOWN_TRACK = new GenericRowData(0);

    private final PyStreamingSchema wire = new PyStreamingSchema();
    private final FrameColumns columns;
    private final TypeInformation<RowData> producedType;
    /** The next frame number for a row without one (per sink instance). */
    private transient long nextFno;

    FrameRowSchema(FrameColumns columns, TypeInformation<RowData> producedType) {
        this.columns = columns;
        this.producedType = producedType;
    }

    @Override
    public RowData deserialize(List<byte[]> parts, ZmqEndpoint origin) throws IOException {
        Frame frame = wire.deserialize(parts, origin);
        return switch (wire.kind(frame)) {
            case END_OF_STREAM -> END_OF_STREAM;
            case NOT_AVAILABLE -> NOT_AVAILABLE;
            case UNKNOWN_TRACK -> UNKNOWN_TRACK;
            default -> columns.toRow(frame);
        };
    }

    @Override
    public MessageKind kind(RowData row) {
        if (row == END_OF_STREAM) {
            return MessageKind.END_OF_STREAM;
        }
        if (row == NOT_AVAILABLE) {
            return MessageKind.NOT_AVAILABLE;
        }
        return row == UNKNOWN_TRACK ? MessageKind.UNKNOWN_TRACK : MessageKind.DATA;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
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
