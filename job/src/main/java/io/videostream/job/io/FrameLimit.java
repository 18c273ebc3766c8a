package io.videostream.job.io;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * {@code --frames N} for a job that receives: its source ends after N frames, as if the stream had
 * ended there. Counts per source reader (the receiver's and the worker's sources run as one): the
 * Nth frame is the last, and the split finishes with it.
 */
public final class FrameLimit implements ZmqDeserializationSchema<Frame> {
    private static final long serialVersionUID = 1L;

    private final ZmqDeserializationSchema<Frame> schema;
    private final long frames;
    private long seen;

    public FrameLimit(ZmqDeserializationSchema<Frame> schema, long frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a frame limit must be at least 1: " + frames);
        }
        this.schema = schema;
        this.frames = frames;
    }

    /** The schema limited to {@code frames}, or as it is for {@link Long#MAX_VALUE} (no limit). */
    public static ZmqDeserializationSchema<Frame> of(ZmqDeserializationSchema<Frame> schema, long frames) {
        return frames == Long.MAX_VALUE ? schema : new FrameLimit(schema, frames);
    }

    @Override
    public Frame deserialize(List<byte[]> parts, ZmqEndpoint origin) throws IOException {
        return schema.deserialize(parts, origin);
    }

    @Override
    public MessageKind kind(Frame frame) {
        MessageKind kind = schema.kind(frame);
        if (kind != MessageKind.DATA) {
            return kind;
        }
        seen++;
        return seen < frames ? MessageKind.DATA : seen == frames ? MessageKind.LAST_DATA : MessageKind.END_OF_STREAM;
    }

    @Override
    public long timestamp(Frame frame) {
        return schema.timestamp(frame);
    }

    @Override
    public TypeInformation<Frame> getProducedType() {
        return schema.getProducedType();
    }
}
