package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop window as a person at a display meets it, on a virtual display (Debian's Xvfb):
 * {@code videostream demo --window} opens a window with a moving picture, and ESC in it stops the job.
 */
class WindowITCase {
    private static final String TITLE = "videostream demo";

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void theWindowShowsAMovingPictureAndEscStopsTheJob(@TempDir Path tmp) throws Exception {
        String display = startVirtualDisplay(tmp);
        Path output = tmp.resolve("demo.out");
        Process demo = start(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dvideostream.local=true", "-cp", System.getProperty("java.class.path"),
                VideoStream.class.getName(), "demo", "--window", "--preview-port", "0", "--card", "IMAG_S")
                .redirectErrorStream(true).redirectOutput(output.toFile()), display);

        String window = awaitWindow(display, demo, output);
        BufferedImage first = screenshot(display, tmp);
        Thread.sleep(1000);
        BufferedImage second = screenshot(display, tmp);
        ImageIO.write(second, "png", tmp.resolve("window.png").toFile());
        assertThat(differentPixels(first, second)).as("pixels of the display that changed in a second")
                .isGreaterThan(10_000);

        // as a person does: click into the window, press ESC
        Result esc = run(display, "xdotool", "mousemove", "--window", window, "100", "100", "click", "1", "sleep", "0.5",
                "key", "Escape");
        assertThat(esc.exitCode()).as("xdotool: " + esc.output()).isZero();
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo ended after ESC").isTrue();
        assertThat(demo.exitValue()).isZero();
        assertThat(Files.readString(output)).contains("videostream demo: stopped");
    }

    /** Starts Xvfb on a display number it picks itself and returns that display, e.g. ":1". */
    private String startVirtualDisplay(Path tmp) throws Exception {
        Path number = tmp.resolve("display");
        start(new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectOutput(number.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD), null);
        for (int i = 0; i < 100; i++) {
            String text = Files.readString(number).trim();
            if (!text.isEmpty()) {
                return ":" + text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Xvfb did not start within 10 s (bin/install-deps installs Debian's xvfb)");
    }

    /** Waits for the window to appear on the display and returns its X window id. */
    private String awaitWindow(String display, Process demo, Path output) throws Exception {
        for (int i = 0; i < 1200 && demo.isAlive(); i++) {
            Result search = run(display, "xdotool", "search", "--onlyvisible", "--name", TITLE);
            if (search.exitCode() == 0 && !search.output().isBlank()) {
                Thread.sleep(3000); // frames reach the window
                return search.output().lines().findFirst().orElseThrow().trim();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no window '" + TITLE + "' within two minutes:\n" + Files.readString(output));
    }

    /** The whole display, read with xwd (X's own screenshot format: 32-bit pixels here). */
    private BufferedImage screenshot(String display, Path tmp) throws Exception {
        Path dump = Files.createTempFile(tmp, "screen", ".xwd");
        assertThat(run(display, "xwd", "-root", "-silent", "-out", dump.toString()).exitCode()).isZero();
        return readXwd(ByteBuffer.wrap(Files.readAllBytes(dump)));
    }

    private static BufferedImage readXwd(ByteBuffer xwd) {
        int headerSize = xwd.getInt(0); // the header is big-endian; the pixels are in the display's byte order
        ByteBuffer pixelBytes = xwd.duplicate().order(xwd.getInt(28) == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int width = xwd.getInt(16);
        int height = xwd.getInt(20);
        int bitsPerPixel = xwd.getInt(44);
        int bytesPerLine = xwd.getInt(48);
        int colors = xwd.getInt(76);
        assertThat(bitsPerPixel).as("bits per pixel of the display").isEqualTo(32);
        int pixels = headerSize + colors * 12;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, pixelBytes.getInt(pixels + y * bytesPerLine + x * 4) & 0xFFFFFF);
            }
        }
        return image;
    }

    private static long differentPixels(BufferedImage a, BufferedImage b) {
        long different = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                different += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return different;
    }

    /** What a command printed (stdout and stderr) and its exit code. */
    private record Result(int exitCode, String output) {}

    private Result run(String display, String... command) throws Exception {
        Process process = start(new ProcessBuilder(command).redirectErrorStream(true), display);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Process start(ProcessBuilder builder, String display) throws IOException {
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }
}
