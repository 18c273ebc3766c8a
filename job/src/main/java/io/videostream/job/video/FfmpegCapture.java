package io.videostream.job.video;

import io.videostream.codec.Frame;
import io.videostream.codec.wire.WireLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input read by an FFmpeg process in a thread of its own: JPEG frames numbered from the split's
 * next number and stamped with the time they were complete. A file is read at the frame rate (FFmpeg
 * waits on its full pipe meanwhile) and every frame is kept until taken; it ends with the file or
 * after its frames. A live input is read as fast as it sends: when the job falls behind, the oldest
 * waiting frame is dropped and counted; when it drops or stalls, FFmpeg is started again after a pause
 * that doubles up to {@value #MAX_BACKOFF_MILLIS} ms while nothing comes (counted, logged), for as long
 * as the job runs.
 */
final class FfmpegCapture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegCapture.class);
    /** Frames waiting to be taken: a few, so that a live stream is never late by more. */
    static final int QUEUE = 4;
    static final long FIRST_BACKOFF_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 30_000;

    private final VideoSplit split;
    private final double fps;
    private final int qscale;
    private final Semaphore available;
    private final Counter restarts;
    private final Counter dropped;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final Thread thread;
    private long nextFno;
    private volatile boolean closed;
    private volatile boolean ended;
    private volatile Throwable failure;
    private Process process;

    /**
     * @param available released for each frame queued and at the end, so one reader waits for all
     * @param fps the rate a file is read at
     */
    FfmpegCapture(VideoSplit split, double fps, int qscale, Semaphore available, Counter restarts, Counter dropped) {
        this.split = split;
        this.fps = fps;
        this.qscale = qscale;
        this.available = available;
        this.restarts = restarts;
        this.dropped = dropped;
        this.nextFno = split.nextFno();
        this.thread = new Thread(this::run, "ffmpeg " + split.input().stream());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    VideoSplit split() {
        return split;
    }

    /** The oldest waiting frame, or null. */
    synchronized Frame poll() {
        Frame frame = frames.pollFirst();
        notifyAll();
        return frame;
    }

    /** The input has ended and every frame of it was taken. */
    synchronized boolean finished() {
        return ended && frames.isEmpty();
    }

    /** Throws what ended the thread, if it failed. */
    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("reading " + split.input() + " failed: " + failure.getMessage(), failure);
        }
    }

    private void run() {
        try {
            long backoff = FIRST_BACKOFF_MILLIS;
            while (!closed && !ended) {
                long before = nextFno;
                boolean complete = readOnce();
                if (!split.input().live()) {
                    ended = true; // a file is read once
                } else if (complete) {
                    ended = true; // all its frames
                } else if (!closed) {
                    boolean sent = nextFno > before;
                    backoff = sent ? FIRST_BACKOFF_MILLIS : Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                    restarts.inc();
                    LOG.warn("The camera {} {}; opening it again in {} ms", split.input(), sent
                            ? "stopped sending after frame " + (nextFno - 1) : "sent nothing (it cannot be opened)",
                            backoff);
                    Thread.sleep(backoff);
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (Throwable t) {
            failure = t;
        } finally {
            ended = true;
            available.release();
        }
    }

    /** Runs FFmpeg once; true when the split's last frame was queued. */
    private boolean readOnce() throws IOException, InterruptedException {
        VideoInput input = split.input();
        String codec = Ffmpeg.videoCodec(input);
        if (codec == null) {
            if (!input.live()) {
                throw new IOException("FFmpeg finds no video in " + input.location());
            }
            return false;
        }
        Path errors = Files.createTempFile("ffmpeg-", ".log");
        try {
            List<String> command = input.ffmpegCommand(Ffmpeg.FFMPEG, codec.equals("mjpeg"), qscale);
            synchronized (this) {
                if (closed) {
                    return false;
                }
                process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            }
            LOG.info("Reading {}: {}", input, codec.equals("mjpeg") ? "MJPEG, its JPEG frames passed through"
                    : codec + ", encoded to JPEG at FFmpeg's qscale " + qscale);
            JpegStreamReader jpegs = new JpegStreamReader(process.getInputStream(), WireLimits.DEFAULT.maxImageBytes());
            long skip = input.live() ? 0 : nextFno; // a file restored from a checkpoint goes on where it was
            long start = System.nanoTime();
            long read = 0;
            for (byte[] jpeg = jpegs.next(); jpeg != null && !closed; jpeg = jpegs.next()) {
                if (skip > 0) {
                    skip--;
                    continue;
                }
                if (!input.live()) {
                    pace(start, read++);
                }
                if (queue(Frame.encoded(input.stream(), nextFno++, System.currentTimeMillis() / 1000.0, null, jpeg))) {
                    return true;
                }
            }
            if (jpegs.oversizedImages() > 0) {
                LOG.warn("Skipped {} frames of {} larger than {} bytes", jpegs.oversizedImages(), input,
                        WireLimits.DEFAULT.maxImageBytes());
            }
            boolean exited = process.waitFor(5, TimeUnit.SECONDS);
            if ((!exited || process.exitValue() != 0) && !closed) {
                LOG.warn("FFmpeg reading {} ended {}: {}", input, exited ? "with exit code " + process.exitValue()
                        : "its output but went on", redacted(lastLine(errors), input));
            }
            return false;
        } finally {
            destroyProcess();
            Files.deleteIfExists(errors);
        }
    }

    /** Waits until frame {@code index} of a file is due at the frame rate. */
    private void pace(long start, long index) throws InterruptedException {
        long due = start + (long) (index * 1e9 / fps);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Queues a frame (a live input drops its oldest when full; a file waits); true if it was the last. */
    private boolean queue(Frame frame) throws InterruptedException {
        synchronized (this) {
            while (frames.size() >= QUEUE && !closed) {
                if (split.input().live()) {
                    frames.pollFirst();
                    dropped.inc();
                } else {
                    wait(50);
                }
            }
            frames.addLast(frame);
        }
        available.release();
        return frame.fno() + 1 >= split.endFno();
    }

    /** FFmpeg's message without the input's location (a URL may hold a password) nor any user:password@. */
    static String redacted(String message, VideoInput input) {
        return message.replace(input.location(), input.stream()).replaceAll("(?<=//)[^/@\\s]+@", "");
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(nothing on its standard error)" : lines.get(lines.size() - 1);
    }

    private synchronized void destroyProcess() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public void close() {
        Process running;
        synchronized (this) {
            closed = true;
            notifyAll();
            running = process;
        }
        if (running != null) {
            running.destroy(); // its pipe ends, and with it the read the thread may wait in
        }
        thread.interrupt();
        try {
            thread.join(10_000);
            destroyProcess();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
