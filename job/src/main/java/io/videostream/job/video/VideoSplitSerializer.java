package io.videostream.job.video;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Version 1 of a split, and of the enumerator's state (the splits not yet given to a reader). */
final class VideoSplitSerializer implements SimpleVersionedSerializer<VideoSplit> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(VideoSplit split) throws IOException {
        return serializeAll(List.of(split));
    }

    @Override
    public VideoSplit deserialize(int version, byte[] serialized) throws IOException {
        return deserializeAll(version, serialized).get(0);
    }

    static byte[] serializeAll(List<VideoSplit> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(splits.size());
            for (VideoSplit split : splits) {
                split.write(out);
            }
        }
        return bytes.toByteArray();
    }

    static List<VideoSplit> deserializeAll(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown video split version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int n = in.readInt();
            List<VideoSplit> splits = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                splits.add(VideoSplit.read(in));
            }
            return splits;
        }
    }

    /** The enumerator's state: the same format, a list. */
    static final class Pending implements SimpleVersionedSerializer<List<VideoSplit>> {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(List<VideoSplit> pending) throws IOException {
            return serializeAll(pending);
        }

        @Override
        public List<VideoSplit> deserialize(int version, byte[] serialized) throws IOException {
            return deserializeAll(version, serialized);
        }
    }
}
