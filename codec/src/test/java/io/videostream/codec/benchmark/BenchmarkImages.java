package io.videostream.codec.benchmark;

import io.videostream.codec.Pixels;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Writes the benchmark's images as raw BGR files ({@code IMAG_M_1280x720.bgr}) for the Python reference. */
public final class BenchmarkImages {
    private BenchmarkImages() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Paths.get(args[0]));
        for (String name : new String[] {"IMAG_S", "IMAG_M", "IMAG_L"}) {
            Pixels image = TestCards.frame(TestCard.parse(name), false, 0);
            Files.write(dir.resolve(name + "_" + image.width() + "x" + image.height() + ".bgr"), image.toByteArray());
        }
    }
}
