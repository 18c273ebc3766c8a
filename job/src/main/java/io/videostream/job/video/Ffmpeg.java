package io.videostream.job.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * FFmpeg, the program (Debian's {@code ffmpeg} package: {@code ffmpeg} and {@code ffprobe} on the
 * PATH), which reads every video format, network camera and V4L2 device the job takes as input.
 */
public final class Ffmpeg {
    static final String FFMPEG = "ffmpeg";
    static final String FFPROBE = "ffprobe";
    private static final long PROBE_SECONDS = 20;

    private Ffmpeg() {}

    /** Fails with one line when FFmpeg is not there. */
    public static void require(String why) {
        try {
            Process process = new ProcessBuilder(FFMPEG, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
            process.destroyForcibly();
        } catch (IOException e) {
            // not there: said below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(why + " needs FFmpeg, which was not found on the PATH (Debian: apt-get install "
                + "ffmpeg; bin/install-deps installs it)");
    }

    /**
     * The codec of the input's first video stream ("h264", "mjpeg", ...), or null when FFmpeg cannot
     * open it or finds no video in it.
     */
    static String videoCodec(VideoInput input) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(input.ffprobeCommand(FFPROBE))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String codec = new String(output, StandardCharsets.US_ASCII).trim();
            return process.exitValue() == 0 && !codec.isEmpty() ? codec.lines().findFirst().orElse(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Checks now, with one line, that FFmpeg reads each file among the inputs as a video. */
    public static void checkFiles(List<VideoInput> inputs) {
        try {
            for (VideoInput input : inputs) {
                if (!input.live() && videoCodec(input) == null) {
                    throw new IllegalArgumentException("--input " + input.location() + ": FFmpeg finds no video in it");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the inputs", e);
        }
    }

    /**
     * FFmpeg's MJPEG {@code qscale} (2 best - 31) that gives about the size libjpeg-turbo gives at a
     * JPEG {@code quality} (1-100), as measured on a 1280x720 frame (README, "Video inputs").
     */
    static int qscale(int quality) {
        int[] byTens = {31, 31, 31, 26, 21, 18, 15, 12, 9, 5, 2}; // quality 0, 10, ..., 100
        int q = Math.max(1, Math.min(100, quality));
        int low = byTens[q / 10];
        int high = byTens[Math.min(10, q / 10 + 1)];
        return Math.round(low + (high - low) * (q % 10) / 10f);
    }
}
