package io.videostream.codec.serialization;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.PlainData;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link Frame}. Frames are immutable, so {@link #copy(Frame)} returns its
 * argument and chained operators pass frames on without a copy.
 *
 * <p>Format (version 1): stream (UTF), fno (long), ftime (double), meta ({@link PlainData}), an image
 * tag, then either the JPEG length and bytes or width, height, channels and the pixel bytes.
 */
public final class FrameSerializer extends TypeSerializerSingleton<Frame> {
    private static final long serialVersionUID = 1L;

    public static final FrameSerializer INSTANCE = new FrameSerializer();

    private static final byte ENCODED = 0;
    private static final byte RAW = 1;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Frame createInstance() {
        return Frame.encoded(Frame.DEFAULT_STREAM, 0, 0.0, null, new byte[0]);
    }

    @Override
    public Frame copy(Frame from) {
        return from;
    }

    @Override
    public Frame copy(Frame from, Frame reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Frame frame, DataOutputView out) throws IOException {
        out.writeUTF(frame.stream());
        out.writeLong(frame.fno());
        out.writeDouble(frame.ftime());
        PlainData.write(frame.meta(), out);
        if (frame.isEncoded()) {
            byte[] jpeg = frame.jpeg();
            out.writeByte(ENCODED);
            out.writeInt(jpeg.length);
            out.write(jpeg);
        } else {
            Pixels pixels = frame.pixels();
            out.writeByte(RAW);
            out.writeInt(pixels.width());
            out.writeInt(pixels.height());
            out.writeInt(pixels.channels());
            out.write(pixels.toByteArray());
        }
    }

    @Override
    public Frame deserialize(DataInputView in) throws IOException {
        String stream = in.readUTF();
        long fno = in.readLong();
        double ftime = in.readDouble();
        Object meta = PlainData.read(in);
        byte tag = in.readByte();
        if (tag == ENCODED) {
            byte[] jpeg = new byte[in.readInt()];
            in.readFully(jpeg);
            return Frame.encoded(stream, fno, ftime, meta, jpeg);
        }
        if (tag == RAW) {
            int width = in.readInt();
            int height = in.readInt();
            int channels = in.readInt();
            Pixels.checkDimensions(width, height, channels);
            byte[] bytes = new byte[width * height * channels];
            in.readFully(bytes);
            return Frame.raw(stream, fno, ftime, meta, Pixels.wrap(width, height, channels, bytes));
        }
        throw new IOException("corrupt serialized frame: unknown image tag " + tag);
    }

    @Override
    public Frame deserialize(Frame reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<Frame> snapshotConfiguration() {
        return new FrameSerializerSnapshot();
    }

    /** Snapshot of the (configuration-free) frame serializer. */
    public static final class FrameSerializerSnapshot extends SimpleTypeSerializerSnapshot<Frame> {
        public FrameSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
