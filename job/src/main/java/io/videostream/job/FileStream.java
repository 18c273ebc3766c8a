package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.job.operators.EncodeFrames;
import io.videostream.job.operators.FileFrames;
import io.videostream.job.operators.VideoFileFrames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * JPEG frames from a file at a frame rate: a folder of JPEG files (sent as they are, in name order,
 * by parallel readers) or a video file (read in order by one instance with OpenCV and encoded right
 * there, so raw pixels stay in that task). The run ends with the input, or after {@code frames}.
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

    /** How many frames the input has: files in the folder, or frames in the video. */
    static long frameCount(Path input) {
        if (Files.isDirectory(input)) {
            return jpegFiles(input).size();
        }
        if (!Files.isReadable(input)) {
            throw new IllegalArgumentException("--input " + input + " is neither a folder nor a readable file");
        }
        long frames = VideoFileFrames.frameCount(input.toString());
        if (frames <= 0) {
            throw new IllegalArgumentException("--input " + input + ": OpenCV cannot read it as a video");
        }
        return frames;
    }

    public static DataStream<Frame> encoded(StreamExecutionEnvironment env, Path input, double fps, long frames,
            Configuration codec, int parallelism) {
        long count = Math.min(frames, frameCount(input));
        if (Files.isDirectory(input)) {
            return TestCardStream.clock(env, fps, count)
                    .rebalance()
                    .map(new FileFrames(Frame.DEFAULT_STREAM, jpegFiles(input))).setParallelism(parallelism)
                    .name("JPEG files of " + input);
        }
        return TestCardStream.clock(env, fps, count)
                .map(new VideoFileFrames(Frame.DEFAULT_STREAM, input.toString())).setParallelism(1)
                .name("video " + input.getFileName())
                .map(new EncodeFrames(codec)).setParallelism(1)
                .name("encode");
    }
}
