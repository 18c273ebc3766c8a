package io.videostream.codec.jpeg;

import java.io.Serializable;

/**
 * Upper bounds checked before any pixel memory is allocated: a frame from the network may claim any
 * size. Defaults: 8192x8192 pixels, 64 MiB of JPEG.
 */
public record JpegLimits(int maxWidth, int maxHeight, int maxJpegBytes) implements Serializable {
    public static final JpegLimits DEFAULT = new JpegLimits(8192, 8192, 64 << 20);

    public JpegLimits {
        if (maxWidth <= 0 || maxHeight <= 0 || maxJpegBytes <= 0) {
            throw new IllegalArgumentException("JPEG limits must be positive: " + maxWidth + "x" + maxHeight + ", " + maxJpegBytes + " B");
        }
    }

    void checkDimensions(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new CorruptJpegException("JPEG declares an empty image: " + width + "x" + height);
        }
        if (width > maxWidth || height > maxHeight) {
            throw new JpegLimitException("image " + width + "x" + height + " exceeds the limit of " + maxWidth + "x" + maxHeight);
        }
    }

    void checkPayload(int length) {
        if (length > maxJpegBytes) {
            throw new JpegLimitException("JPEG of " + length + " bytes exceeds the limit of " + maxJpegBytes + " bytes");
        }
    }
}
