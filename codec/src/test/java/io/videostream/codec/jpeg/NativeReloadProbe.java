package io.videostream.codec.jpeg;

import io.videostream.codec.Pixels;
import io.videostream.codec.TestImages;
import io.videostream.codec.jpeg.JpegCodec.Implementation;

/** Runs inside an isolated class loader, like code from a (re)submitted Flink job jar. */
public final class NativeReloadProbe {
    private NativeReloadProbe() {}

    /** Encodes and decodes one image with the named implementation; returns what was used and the size. */
    public static String roundTrip(String implementation) {
        try (JpegCodec codec = JpegCodecs.create(Implementation.valueOf(implementation), 50, JpegLimits.DEFAULT)) {
            Pixels decoded = codec.decode(codec.encode(TestImages.gradient(160, 120)));
            return codec.implementation() + " " + decoded.width() + "x" + decoded.height();
        }
    }
}
