package io.videostream.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Images and fixture files the codec tests share. */
public final class TestImages {
    private TestImages() {}

    /** A smooth BGR gradient with a few hard edges, in a direct buffer. */
    public static Pixels gradient(int width, int height) {
        ByteBuffer data = ByteBuffer.allocateDirect(width * height * 3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean box = x > width / 4 && x < width / 2 && y > height / 4 && y < height / 2;
                data.put((byte) (box ? 240 : x * 255 / width));
                data.put((byte) (box ? 30 : y * 255 / height));
                data.put((byte) (box ? 30 : (x + y) * 255 / (width + height)));
            }
        }
        return new Pixels(width, height, 3, data.flip());
    }

    /** Peak signal-to-noise ratio in dB between two images of the same shape. */
    public static double psnr(Pixels a, Pixels b) {
        byte[] x = a.toByteArray();
        byte[] y = b.toByteArray();
        if (x.length != y.length) {
            throw new IllegalArgumentException(a + " vs " + b);
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            int d = (x[i] & 0xff) - (y[i] & 0xff);
            sum += d * d;
        }
        double mse = sum / x.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** The folder of pystreaming captures: {@code shared/fixtures/pystreaming} beside the repository. */
    public static Path fixtures() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("fixtures").resolve("pystreaming");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/pystreaming not found beside the repository");
    }

    /** The parts of one captured message, in order, e.g. {@code fixtureMessage("a_p2p_pub_fno0")}. */
    public static List<byte[]> fixtureMessage(String message) {
        try (Stream<Path> files = Files.list(fixtures().resolve(message))) {
            List<byte[]> parts = new ArrayList<>();
            for (Path part : files.filter(f -> f.getFileName().toString().startsWith("part")).sorted().toList()) {
                parts.add(Files.readAllBytes(part));
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One part of a captured message, e.g. {@code fixture("a_p2p_pub_fno0", "part0_buf.bin")}. */
    public static byte[] fixture(String message, String part) {
        try {
            return Files.readAllBytes(fixtures().resolve(message).resolve(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
