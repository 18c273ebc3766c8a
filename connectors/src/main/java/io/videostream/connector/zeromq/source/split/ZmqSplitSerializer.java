package io.videostream.connector.zeromq.source.split;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Version 2: the endpoint's address (UTF), whether it binds, and the split's share (int). Version 1,
 * without the share, is read as share 0.
 */
@Internal
public final class ZmqSplitSerializer implements SimpleVersionedSerializer<ZmqSplit> {
    public static final ZmqSplitSerializer INSTANCE = new ZmqSplitSerializer();
    static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ZmqSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public ZmqSplit deserialize(int version, byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(version, in);
        }
    }

    public static void write(ZmqSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.endpoint().address());
        out.writeBoolean(split.endpoint().isBind());
        out.writeInt(split.share());
    }

    /** A split as the given version of this serializer wrote it. */
    public static ZmqSplit read(int version, DataInputStream in) throws IOException {
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown ZmqSplit serializer version " + version);
        }
        String address = in.readUTF();
        ZmqEndpoint endpoint = in.readBoolean() ? ZmqEndpoint.bind(address) : ZmqEndpoint.connect(address);
        return new ZmqSplit(endpoint, version == 1 ? 0 : in.readInt());
    }
}
