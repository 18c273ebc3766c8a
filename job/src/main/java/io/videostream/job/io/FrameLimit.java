package io.videostream.job.io;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * {@code --frames N} for a job that receives: its source ends after N frames, as if the stream had
 * ended there, for each stream (each endpoint) on its own: its Nth frame is the last, and its split
 * finishes with it, whatever the other endpoints of the same source reader do.
 */
public final class FrameLimit implements ZmqDeserializationSchema<Frame> {
    private static final long serialVersionUID = 1L;

    private final ZmqDeserializationSchema<Frame> schema;
    private final long frames;
    /** Frames seen per stream (a one-element array: counted without boxing). */
    private transient Map<String, long[]> seen;

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
        if (seen == null) {
            seen = new HashMap<>();
        }
        long count = ++seen.computeIfAbsent(frame.stream(), stream -> new long[1])[0];
        return count < frames ? MessageKind.DATA : count == frames ? MessageKind.LAST_DATA : MessageKind.END_OF_STREAM;
    }

    @Override
    public List<byte[]> reply() {
        return schema.reply();
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
