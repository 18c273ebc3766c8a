package io.videostream.codec.testcard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Polygon;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/** Draws the test cards with Java2D (headless) into BGR images; deterministic for a given JVM's fonts. */
final class TestCardRenderer {
    /** The classic bars, left to right: white, yellow, cyan, green, magenta, red, blue. */
    static final Color[] BARS = {
        new Color(191, 191, 191), new Color(191, 191, 0), new Color(0, 191, 191), new Color(0, 191, 0),
        new Color(191, 0, 191), new Color(191, 0, 0), new Color(0, 0, 191)
    };

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TestCardRenderer() {}

    static BufferedImage render(TestCard card) {
        BufferedImage image = new BufferedImage(card.width(), card.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (card.isImage()) {
                drawPicture(g, card.width(), card.height());
            } else {
                drawBars(g, card.width(), card.height());
            }
            drawLabel(g, card);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The image rotated about its centre by {@code degrees}, corners black. */
    static BufferedImage rotate(BufferedImage source, double degrees) {
        BufferedImage rotated = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rotated.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, AffineTransform.getRotateInstance(Math.toRadians(degrees), source.getWidth() / 2.0,
                    source.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return rotated;
    }

    /** The BGR bytes of a TYPE_3BYTE_BGR image (its own array, not a copy). */
    static byte[] bgr(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static void drawBars(Graphics2D g, int w, int h) {
        int top = h * 2 / 3;
        for (int i = 0; i < BARS.length; i++) {
            g.setColor(BARS[i]);
            g.fillRect(i * w / BARS.length, 0, (i + 1) * w / BARS.length - i * w / BARS.length, top);
        }
        int middle = top + h / 12;
        Color[] reverse = {BARS[6], Color.BLACK, BARS[4], Color.BLACK, BARS[2], Color.BLACK, BARS[0]};
        for (int i = 0; i < reverse.length; i++) {
            g.setColor(reverse[i]);
            g.fillRect(i * w / 7, top, (i + 1) * w / 7 - i * w / 7, middle - top);
        }
        Color[] bottom = {new Color(0, 33, 76), Color.WHITE, new Color(50, 0, 106), new Color(19, 19, 19),
            Color.BLACK, new Color(38, 38, 38), new Color(19, 19, 19)};
        for (int i = 0; i < bottom.length; i++) {
            g.setColor(bottom[i]);
            g.fillRect(i * w / 7, middle, (i + 1) * w / 7 - i * w / 7, h - middle);
        }
    }

    private static void drawPicture(Graphics2D g, int w, int h) {
        int horizon = h * 11 / 20;
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 170), 0, horizon, new Color(190, 215, 240)));
        g.fillRect(0, 0, w, horizon);
        g.setPaint(new GradientPaint(0, horizon, new Color(70, 120, 40), 0, h, new Color(30, 70, 20)));
        g.fillRect(0, horizon, w, h - horizon);

        SplittableRandom random = new SplittableRandom(20261124L);
        int unit = Math.max(1, w / 640);
        for (int i = 0; i < w * 3; i++) { // grass: short strokes of varying green
            int x = random.nextInt(w);
            int y = horizon + random.nextInt(h - horizon);
            g.setColor(new Color(20 + random.nextInt(60), 80 + random.nextInt(110), 10 + random.nextInt(50)));
            g.drawLine(x, y, x + random.nextInt(-2 * unit, 2 * unit + 1), y - random.nextInt(2, 8) * unit);
        }
        g.setColor(new Color(255, 240, 200));
        g.fill(new Ellipse2D.Double(w * 0.78, h * 0.08, w * 0.1, w * 0.1));
        for (int i = 0; i < 6; i++) { // clouds
            double cx = random.nextDouble() * w;
            double cy = random.nextDouble() * horizon * 0.5;
            g.setColor(new Color(255, 255, 255, 150 + random.nextInt(80)));
            for (int k = 0; k < 5; k++) {
                double r = (0.03 + random.nextDouble() * 0.04) * w;
                g.fill(new Ellipse2D.Double(cx + k * r * 0.7, cy + random.nextDouble() * r * 0.4, r * 1.6, r));
            }
        }
        // A house with sharp edges, a tiled roof and windows.
        int hx = w / 8;
        int hy = horizon - h / 8;
        int hw = w / 4;
        int hh = h / 4;
        g.setColor(new Color(200, 170, 130));
        g.fillRect(hx, hy, hw, hh);
        Polygon roof = new Polygon(new int[] {hx - hw / 10, hx + hw / 2, hx + hw + hw / 10}, new int[] {hy, hy - hh / 2, hy}, 3);
        g.setColor(new Color(150, 40, 30));
        g.fill(roof);
        g.setColor(new Color(110, 30, 20));
        g.setStroke(new BasicStroke(unit));
        g.setClip(roof);
        for (int y = hy - hh / 2 + 6 * unit; y < hy; y += 6 * unit) {
            g.drawLine(hx - hw / 10, y, hx + hw + hw / 10, y);
        }
        g.setClip(null);
        for (int i = 0; i < 3; i++) {
            g.setColor(new Color(60, 80, 110));
            g.fillRect(hx + hw / 10 + i * hw * 3 / 10, hy + hh / 5, hw / 6, hh / 4);
            g.setColor(Color.WHITE);
            g.drawRect(hx + hw / 10 + i * hw * 3 / 10, hy + hh / 5, hw / 6, hh / 4);
        }
        g.setColor(new Color(90, 60, 30));
        g.fillRect(hx + hw * 2 / 5, hy + hh * 3 / 5, hw / 5, hh * 2 / 5);
        // A checkerboard sign: fine, high-contrast detail.
        int cell = Math.max(2, w / 160);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                g.setColor((x + y) % 2 == 0 ? Color.BLACK : Color.WHITE);
                g.fillRect(w * 6 / 10 + x * cell, horizon + h / 10 + y * cell, cell, cell);
            }
        }
        // Circles of colour.
        Color[] balls = {new Color(230, 60, 50), new Color(250, 200, 40), new Color(60, 120, 230)};
        for (int i = 0; i < balls.length; i++) {
            double r = h / 10.0;
            g.setPaint(new GradientPaint((float) (w * 0.55 + i * r * 1.3), (float) (h * 0.75), balls[i],
                    (float) (w * 0.55 + i * r * 1.3 + r), (float) (h * 0.75 + r), balls[i].darker().darker()));
            g.fill(new Ellipse2D.Double(w * 0.55 + i * r * 1.3, h * 0.75, r, r));
        }
    }

    private static void drawLabel(Graphics2D g, TestCard card) {
        int size = Math.max(12, card.height() / 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        String text = card.name() + "  " + card.width() + "x" + card.height();
        int x = card.width() / 20;
        int y = card.height() / 12 + size;
        g.setColor(new Color(0, 0, 0, 160));
        g.fillRect(x - size / 4, y - size, g.getFontMetrics().stringWidth(text) + size / 2, size * 5 / 4);
        g.setColor(Color.WHITE);
        g.drawString(text, x, y);
    }
}
