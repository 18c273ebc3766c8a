package io.videostream.codec.testcard;

import io.videostream.codec.Pixels;
import java.awt.image.BufferedImage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Frames of the test cards, as pystreaming's {@code testcard(card, animated)} gives them: the same
 * picture every frame, or rotating 3 degrees a frame, 120 frames a turn.
 *
 * <p>Each card and angle is rendered once per JVM, on first use, and shared by every caller (parallel
 * subtasks in one TaskManager included); the returned pixels are never modified. A full turn of the
 * largest card holds 120 x 6.2 MB = 750 MB of heap, of the smallest 110 MB.
 */
public final class TestCards {
    /** Frames in one full turn of an animated card. */
    public static final int FRAMES_PER_TURN = 120;
    /** Degrees an animated card turns per frame. */
    public static final double DEGREES_PER_FRAME = 360.0 / FRAMES_PER_TURN;

    private static final ConcurrentMap<TestCard, BufferedImage> UPRIGHT = new ConcurrentHashMap<>();
    private static final ConcurrentMap<TestCard, Pixels[]> TURNS = new ConcurrentHashMap<>();

    private TestCards() {}

    /** Frame {@code frameNumber} of the card: rotated by {@code (frameNumber mod 120) * 3} degrees when animated. */
    public static Pixels frame(TestCard card, boolean animated, long frameNumber) {
        int step = animated ? (int) Math.floorMod(frameNumber, (long) FRAMES_PER_TURN) : 0;
        Pixels[] turn = TURNS.computeIfAbsent(card, c -> new Pixels[FRAMES_PER_TURN]);
        Pixels pixels = turn[step];
        if (pixels == null) {
            pixels = render(card, step);
            synchronized (turn) {
                if (turn[step] == null) {
                    turn[step] = pixels;
                }
                pixels = turn[step];
            }
        }
        return pixels;
    }

    private static Pixels render(TestCard card, int step) {
        BufferedImage upright = UPRIGHT.computeIfAbsent(card, TestCardRenderer::render);
        BufferedImage image = step == 0 ? upright : TestCardRenderer.rotate(upright, step * DEGREES_PER_FRAME);
        return Pixels.wrap(card.width(), card.height(), 3, TestCardRenderer.bgr(image));
    }
}
