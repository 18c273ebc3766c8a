package io.videostream.job.video;

import io.videostream.job.io.SplitSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One input of a {@link VideoSource}, and where its stream stands: the number of its next frame
 * (frames are numbered from 0), and the number it ends before ({@code --frames}; Long.MAX_VALUE: none).
 *
 * @param index the input's place on the command line: input i is read by reader i mod parallelism
 */
public record VideoSplit(int index, VideoInput input, long nextFno, long endFno) implements SourceSplit {
    static final SplitSerializer<VideoSplit> SERIALIZER = new SplitSerializer<>("video split", VideoSplit::write,
            VideoSplit::read);

    @Override
    public String splitId() {
        return Integer.toString(index);
    }

    /** The same input, its frames up to {@code fno} taken. */
    VideoSplit at(long fno) {
        return new VideoSplit(index, input, fno, endFno);
    }

    private static void write(VideoSplit split, DataOutputStream out) throws IOException {
        out.writeInt(split.index);
        out.writeUTF(split.input.location());
        out.writeUTF(split.input.stream());
        out.writeUTF(split.input.kind().name());
        out.writeLong(split.nextFno);
        out.writeLong(split.endFno);
    }

    private static VideoSplit read(DataInputStream in) throws IOException {
        int index = in.readInt();
        VideoInput input = new VideoInput(in.readUTF(), in.readUTF(), VideoInput.Kind.valueOf(in.readUTF()));
        return new VideoSplit(index, input, in.readLong(), in.readLong());
    }
}
