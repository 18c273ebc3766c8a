package io.videostream.job.sinks;

import io.videostream.codec.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes every JPEG frame as {@code DIR/<stream>/<frame number, 8 digits>.jpg}, for later viewing;
 * characters other than letters, digits, dot and dash in a stream's name become {@code _}, and a name
 * that starts with a dot gets a {@code _} before it, so that no name leaves DIR.
 */
public class RecordingSink implements Sink<Frame> {
    private static final long serialVersionUID = 1L;

    private final String directory;

    public RecordingSink(Path directory) {
        this.directory = directory.toString();
    }

    /** Where a frame is written. */
    public static Path fileOf(Path directory, Frame frame) {
        String stream = frame.stream().replaceAll("[^A-Za-z0-9.-]", "_");
        if (stream.startsWith(".")) {
            stream = "_" + stream; // never ".", "..", nor a hidden folder: names come from the network
        }
        return directory.resolve(stream).resolve(String.format(Locale.ROOT, "%08d.jpg", frame.fno()));
    }

    @Override
    public SinkWriter<Frame> createWriter(WriterInitContext context) {
        Path root = Path.of(directory);
        Set<Path> folders = new HashSet<>();
        return new SinkWriter<>() {
            @Override
            public void write(Frame frame, Context context) throws IOException {
                if (!frame.isEncoded()) {
                    throw new IllegalArgumentException("the recording takes JPEG frames, not raw " + frame);
                }
                Path file = fileOf(root, frame);
                if (folders.add(file.getParent())) {
                    Files.createDirectories(file.getParent());
                }
                Files.write(file, frame.jpeg());
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
