package io.videostream.job.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source's splits in a data stream of version 1: a split is written as a list of one, and the
 * enumerator's state (the splits it has not handed out) as a list, by {@link #pending()}.
 */
public final class SplitSerializer<T> implements SimpleVersionedSerializer<T> {
    private static final int VERSION = 1;

    /** Writes one split. */
    public interface Writer<T> {
        void write(T split, DataOutputStream out) throws IOException;
    }

    /** Reads what a {@link Writer} wrote. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private final String what;
    private final Writer<T> writer;
    private final Reader<T> reader;

    /** @param what the splits' name, for the error on an unknown version */
    public SplitSerializer(String what, Writer<T> writer, Reader<T> reader) {
        this.what = what;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(T split) throws IOException {
        return serializeAll(List.of(split));
    }

    @Override
    public T deserialize(int version, byte[] serialized) throws IOException {
        return deserializeAll(version, serialized).get(0);
    }

    /** The enumerator's state: the same format, a list. */
    public SimpleVersionedSerializer<List<T>> pending() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return VERSION;
            }

            @Override
            public byte[] serialize(List<T> splits) throws IOException {
                return serializeAll(splits);
            }

            @Override
            public List<T> deserialize(int version, byte[] serialized) throws IOException {
                return deserializeAll(version, serialized);
            }
        };
    }

    private byte[] serializeAll(List<T> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(splits.size());
            for (T split : splits) {
                writer.write(split, out);
            }
        }
        return bytes.toByteArray();
    }

    private List<T> deserializeAll(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown " + what + " version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int n = in.readInt();
            List<T> splits = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                splits.add(reader.read(in));
            }
            return splits;
        }
    }
}
