package io.videostream.connector.zeromq.source.enumerator;

import io.videostream.connector.zeromq.source.split.ZmqSplit;
import io.videostream.connector.zeromq.source.split.ZmqSplitSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The number of pending splits, then each split as {@link ZmqSplitSerializer} writes it; version 2
 * with version 2 of the splits, version 1 (read still) with version 1.
 */
@Internal
public final class ZmqEnumeratorStateSerializer implements SimpleVersionedSerializer<Set<ZmqSplit>> {
    private static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(Set<ZmqSplit> pending) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(pending.size());
            for (ZmqSplit split : pending) {
                ZmqSplitSerializer.write(split, out);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public Set<ZmqSplit> deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown ZeroMQ enumerator state version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int n = in.readInt();
            Set<ZmqSplit> pending = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                pending.add(ZmqSplitSerializer.read(version, in));
            }
            return pending;
        }
    }
}
