package io.videostream.codec.jpeg;

import io.videostream.codec.jpeg.JpegCodec.Implementation;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@link JpegCodec}s; which implementation and quality are also Flink configuration options,
 * which {@link JpegSettings#of} reads.
 */
public final class JpegCodecs {
    private static final Logger LOG = LoggerFactory.getLogger(JpegCodecs.class);
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

    public static final ConfigOption<Implementation> IMPLEMENTATION = ConfigOptions.key("videostream.jpeg.codec")
            .enumType(Implementation.class)
            .defaultValue(Implementation.AUTO)
            .withDescription("JPEG codec: AUTO (TurboJPEG when libturbojpeg.so.0 loads, else OpenCV), TURBOJPEG or OPENCV.");

    public static final ConfigOption<Integer> QUALITY = ConfigOptions.key("videostream.jpeg.quality")
            .intType()
            .defaultValue(50)
            .withDescription("JPEG quality 1-100 for encoding (pystreaming uses 50).");

    private JpegCodecs() {}

    /** A codec with pystreaming's default quality (50) and the default limits. */
    public static JpegCodec create() {
        return JpegSettings.DEFAULT.create();
    }

    public static JpegCodec create(Implementation implementation, int quality, JpegLimits limits) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1-100: " + quality);
        }
        switch (implementation) {
            case TURBOJPEG:
                return new TurboJpegCodec(quality, limits);
            case OPENCV:
                return new OpenCvJpegCodec(quality, limits);
            default:
                Throwable failure = TurboJpeg.loadFailure();
                if (failure == null) {
                    return new TurboJpegCodec(quality, limits);
                }
                if (FALLBACK_LOGGED.compareAndSet(false, true)) {
                    LOG.warn("TurboJPEG is not available ({}); falling back to OpenCV's slower JPEG codec. "
                            + "Install libjpeg-turbo's TurboJPEG library (Debian: libturbojpeg0) for full speed.",
                            failure.toString());
                }
                return new OpenCvJpegCodec(quality, limits);
        }
    }
}
