package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.job.operators.FileFrames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * JPEG frames from a folder of JPEG files at a frame rate, sent as they are, in name order, by
 * parallel readers. The run ends with the folder, or after {@code frames}. (Video files, cameras and
 * devices are read by FFmpeg: {@link io.videostream.job.video.VideoSource}.)
 */
public final class FileStream {
    private FileStream() {}

    /** The JPEG files of a folder in name order; fails when there are none. */
    static List<String> jpegFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> jpegs = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g"))
                    .sorted().map(Path::toString).toList();
            if (jpegs.isEmpty()) {
                throw new IllegalArgumentException("--input " + folder + " holds no .jpg or .jpeg files");
            }
            return jpegs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    public static DataStream<Frame> encoded(StreamExecutionEnvironment env, Path folder, double fps, long frames,
            int parallelism) {
        List<String> jpegs = jpegFiles(folder);
        return TestCardStream.clock(env, fps, Math.min(frames, jpegs.size()), parallelism)
                .map(new FileFrames(Frame.DEFAULT_STREAM, jpegs)).setParallelism(parallelism)
                .name("JPEG files of " + folder);
    }
}
