package io.videostream.codec.testcard;

import java.util.Arrays;
import java.util.Locale;

/**
 * pystreaming's test cards: {@code TEST_*} colour bars and {@code IMAG_*} a natural-looking picture,
 * at 640x480 (S), 1280x720 (M) and 1920x1080 (L).
 */
public enum TestCard {
    TEST_S(640, 480, false),
    TEST_M(1280, 720, false),
    TEST_L(1920, 1080, false),
    IMAG_S(640, 480, true),
    IMAG_M(1280, 720, true),
    IMAG_L(1920, 1080, true);

    private final int width;
    private final int height;
    private final boolean image;

    TestCard(int width, int height, boolean image) {
        this.width = width;
        this.height = height;
        this.image = image;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** True for the {@code IMAG_*} picture, false for the {@code TEST_*} colour bars. */
    public boolean isImage() {
        return image;
    }

    /** The card of that name, in any case (e.g. {@code imag_m}). */
    public static TestCard parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown test card '" + name + "'; choose one of " + Arrays.toString(values()));
        }
    }
}
