package io.videostream.job.preview;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    private final JPanel streams;
    private final Map<String, StreamPanel> panels = new HashMap<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /** Opens the window; {@code onStop} runs once, on ESC or when the window is closed. */
    public FrameWindow(String title, Runnable onStop) throws InterruptedException {
        Runnable stop = () -> {
            if (stopRequested.compareAndSet(false, true)) {
                onStop.run();
            }
        };
        window = onSwingThread(() -> open(title, stop));
        streams = (JPanel) window.getContentPane();
    }

    /** The window, with one panel per stream side by side as they come. */
    private static JFrame open(String title, Runnable stop) {
        JFrame frame = new JFrame(title);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                stop.run();
            }
        });
        frame.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "stop");
        frame.getRootPane().getActionMap().put("stop", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                stop.run();
            }
        });
        frame.setContentPane(new JPanel(new GridLayout(1, 0)));
        frame.setSize(640, 480);
        frame.setVisible(true);
        return frame;
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
                return added;
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

    /** Runs {@code task} on Swing's event thread, as Swing wants, and waits for its result. */
    private static <T> T onSwingThread(Callable<T> task) throws InterruptedException {
        FutureTask<T> future = new FutureTask<>(task);
        SwingUtilities.invokeLater(future);
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the window failed: " + e.getCause(), e.getCause());
        }
    }
}
