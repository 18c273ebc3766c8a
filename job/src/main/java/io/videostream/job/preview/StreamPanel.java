package io.videostream.job.preview;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegException;
import io.videostream.job.operators.FrameRate;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/** One stream in a {@link FrameWindow}: its newest frame, scaled to fit, and a caption with its frames per second. */
final class StreamPanel extends JComponent {
    private static final long serialVersionUID = 1L;
    /** The largest size a stream takes in the window at first (it scales with the window). */
    private static final Dimension LARGEST = new Dimension(960, 720);

    /** A decoded frame and its caption, handed from the sink's thread to Swing's. */
    private record Picture(BufferedImage image, String caption) {}

    private final String stream;
    private final transient FrameRate rate = new FrameRate();
    private final transient AtomicReference<Picture> next = new AtomicReference<>();
    private transient Picture shown;
    private boolean sized;

    StreamPanel(String stream) {
        this.stream = stream;
        setPreferredSize(new Dimension(640, 480));
        setBackground(Color.BLACK);
        setOpaque(true);
    }

    /** From the sink's thread: counts the frame, and decodes it when the last one has been painted. */
    void offer(Frame frame, JpegCodec codec) {
        double fps = rate.arrived(System.nanoTime());
        if (next.get() != null) {
            return;
        }
        Pixels pixels;
        try {
            pixels = codec.decode(frame.jpeg());
        } catch (JpegException undecodable) {
            return; // the receiver's other outputs keep it; there is nothing to show
        }
        BufferedImage image = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_3BYTE_BGR);
        pixels.buffer().get(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        next.set(new Picture(image, String.format(Locale.ROOT, "%s  #%d  %.1f fps", stream, frame.fno(), fps)));
        if (!sized) {
            sized = true;
            SwingUtilities.invokeLater(() -> fitTo(image.getWidth(), image.getHeight()));
        }
        repaint();
    }

    /** Sizes the window to the stream's first frame, scaled down to {@link #LARGEST}. */
    private void fitTo(int width, int height) {
        double scale = Math.min(1, Math.min(LARGEST.width / (double) width, LARGEST.height / (double) height));
        setPreferredSize(new Dimension((int) (width * scale), (int) (height * scale)));
        Window window = SwingUtilities.getWindowAncestor(this);
        if (window != null) {
            window.pack();
        }
    }

    @Override
    protected void paintComponent(Graphics g) {
        Picture newer = next.getAndSet(null);
        if (newer != null) {
            shown = newer;
        }
        Graphics2D g2 = (Graphics2D) g;
        g2.setColor(getBackground());
        g2.fillRect(0, 0, getWidth(), getHeight());
        if (shown == null) {
            return;
        }
        BufferedImage image = shown.image();
        double scale = Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
        int width = (int) (image.getWidth() * scale);
        int height = (int) (image.getHeight() * scale);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(image, (getWidth() - width) / 2, (getHeight() - height) / 2, width, height, null);
        g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g2.setColor(Color.BLACK);
        g2.fillRect(0, 0, g2.getFontMetrics().stringWidth(shown.caption()) + 16, 26);
        g2.setColor(Color.GREEN);
        g2.drawString(shown.caption(), 8, 19);
    }
}
