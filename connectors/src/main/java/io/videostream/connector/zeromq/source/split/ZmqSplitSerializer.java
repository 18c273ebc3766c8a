package io.videostream.connector.zeromq.source.split;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Version 1: the endpoint's address (UTF) and whether it binds. */
@Internal
public final class ZmqSplitSerializer implements SimpleVersionedSerializer<ZmqSplit> {
    public static final ZmqSplitSerializer INSTANCE = new ZmqSplitSerializer();
    private static final int VERSION = 1;

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
        if (version != VERSION) {
            throw new IOException("unknown ZmqSplit serializer version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    public static void write(ZmqSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.endpoint().address());
        out.writeBoolean(split.endpoint().isBind());
    }

    public static ZmqSplit read(DataInputStream in) throws IOException {
        String address = in.readUTF();
        return new ZmqSplit(in.readBoolean() ? ZmqEndpoint.bind(address) : ZmqEndpoint.connect(address));
    }
}
