package io.videostream.formats.table;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * Received messages as a table's rows: a format's schema reads them into frames (pystreaming's,
 * imagezmq's), {@link FrameColumns} makes the rows. Its control messages keep their meaning:
 * STOPSTREAM ends the stream, a distributor's "not available" and "unknown track" are asked about
 * again or fail the query.
 */
final class FrameRowDeserializer implements ZmqDeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;
    /** What a control message reads as: never emitted, only told apart by {@link #kind}. */
    private static final RowData END_OF_STREAM = new GenericRowData(0);
    private static final RowData NOT_AVAILABLE = new GenericRowData(0);
    private static final RowData UNKNOWN_TRACK = new GenericRowData(0);

    private final ZmqDeserializationSchema<Frame> frames;
    private final FrameColumns columns;
    private final TypeInformation<RowData> producedType;

    FrameRowDeserializer(ZmqDeserializationSchema<Frame> frames, FrameColumns columns,
            TypeInformation<RowData> producedType) {
        this.frames = frames;
        this.columns = columns;
        this.producedType = producedType;
    }

    @Override
    public RowData deserialize(List<byte[]> parts, ZmqEndpoint origin) throws IOException {
        Frame frame = frames.deserialize(parts, origin);
        return switch (frames.kind(frame)) {
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

    /** REP (an imagezmq hub): the format's reply to each sender. */
    @Override
    public List<byte[]> reply() {
        return frames.reply();
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }
}
