package io.videostream.codec.jpeg;

import io.videostream.codec.jpeg.JpegCodec.Implementation;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The JPEG codec's settings, as a job hands them to its operators: which library, and the quality it
 * encodes at. Each operator instance makes its own codec from them ({@link #create()}).
 */
public record JpegSettings(Implementation implementation, int quality) implements Serializable {
    /** pystreaming's: quality 50; TurboJPEG when it loads, OpenCV otherwise (the Flink options' defaults). */
    public static final JpegSettings DEFAULT = new JpegSettings(JpegCodecs.IMPLEMENTATION.defaultValue(),
            JpegCodecs.QUALITY.defaultValue());

    public JpegSettings {
        Objects.requireNonNull(implementation, "implementation");
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1-100: " + quality);
        }
    }

    /** The settings of Flink's options {@code videostream.jpeg.codec} and {@code videostream.jpeg.quality}. */
    public static JpegSettings of(ReadableConfig config) {
        return new JpegSettings(config.get(JpegCodecs.IMPLEMENTATION), config.get(JpegCodecs.QUALITY));
    }

    /** A new codec with these settings and the default limits: one per operator instance (not thread-safe). */
    public JpegCodec create() {
        return JpegCodecs.create(implementation, quality, JpegLimits.DEFAULT);
    }
}
