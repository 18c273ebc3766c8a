package io.videostream.job.preview;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * pystreaming's {@code display} in a desktop window: each stream's newest frame with its frames per
 * second, side by side. ESC or closing the window asks to stop the stream. Frames come from one thread
 * (a sink's); a frame is decoded only when the window has painted the one before it, so a window that
 * cannot keep up, or is hidden, costs the stream nothing.
 */
public final class FrameWindow implements AutoCloseable {
    private final JFrame window;
    private final JPanel streams = new JPanel(new GridLayout(1, 0));
    private final Map<String, StreamPanel> panels = new HashMap<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /** Opens the window; {@code onStop} runs once, on ESC or when the window is closed. */
    public FrameWindow(String title, Runnable onStop) throws InterruptedException {
        window = new JFrame(title);
        Runnable stop = () -> {
            if (stopRequested.compareAndSet(false, true)) {
                onStop.run();
            }
        };
        onSwingThread(() -> {
            window.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
            window.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosing(WindowEvent e) {
                    stop.run();
                }
            });
            window.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                    .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "stop");
            window.getRootPane().getActionMap().put("stop", new AbstractAction() {
                @Override
                public void actionPerformed(ActionEvent e) {
                    stop.run();
                }
            });
            window.setContentPane(streams);
            window.setSize(640, 480);
            window.setVisible(true);
        });
    }

    /** Shows the frame in its stream's place, decoded with {@code codec}, unless the window is still busy with the last one. */
    public void show(Frame frame, JpegCodec codec) throws InterruptedException {
        StreamPanel panel = panels.get(frame.stream());
        if (panel == null) {
            StreamPanel added = new StreamPanel(frame.stream());
            panels.put(frame.stream(), added);
            onSwingThread(() -> {
                streams.add(added);
                streams.revalidate();
            });
            panel = added;
        }
        panel.offer(frame, codec);
    }

    /** Whether ESC was pressed or the window closed. */
    public boolean stopRequested() {
        return stopRequested.get();
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(window::dispose);
    }

    private static void onSwingThread(Runnable task) throws InterruptedException {
        try {
            SwingUtilities.invokeAndWait(task);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot open the window: " + e.getCause(), e.getCause());
        }
    }
}
