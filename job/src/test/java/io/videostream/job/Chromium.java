package io.videostream.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium looking at a page as a person would: a screenshot, or the DOM it rendered. */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    /** How long scripts may run (virtual time) before the page is taken. */
    private static final int SCRIPT_MILLIS = 8000;

    private Chromium() {}

    /** A PNG screenshot of the page. */
    static Path screenshot(String url, Path png, Path profile) throws IOException, InterruptedException {
        run(profile, "--window-size=1000,800", "--screenshot=" + png, url);
        return png;
    }

    /** The page's DOM after its scripts ran. */
    static String dom(String url, Path profile) throws IOException, InterruptedException {
        return run(profile, "--dump-dom", url);
    }

    private static String run(Path profile, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: bin/install-deps installs Debian's chromium");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(profile, "chromium"),
                "--virtual-time-budget=" + SCRIPT_MILLIS));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(profile, "chromium", ".out");
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 60 s: " + command);
        }
        if (chromium.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + chromium.exitValue() + ": " + command);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
