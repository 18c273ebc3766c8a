package io.videostream.job.operators;

import io.videostream.codec.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;

/** Turns clock ticks into the JPEG files of a folder, in name order: tick n sends file n as it is. */
public class FileFrames implements MapFunction<Tuple2<Long, Double>, Frame> {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final List<String> files;

    public FileFrames(String stream, List<String> files) {
        this.stream = stream;
        this.files = List.copyOf(files);
    }

    @Override
    public Frame map(Tuple2<Long, Double> tick) {
        Path file = Path.of(files.get((int) (tick.f0 % files.size())));
        try {
            return Frame.encoded(stream, tick.f0, tick.f1, null, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frame " + tick.f0 + " from " + file, e);
        }
    }
}
