package io.videostream.job.sinks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies counted in 1 ms buckets up to a minute (longer ones in one bucket past it), so that
 * percentiles are exact to the millisecond over any number of frames in 480 kB.
 */
final class LatencyPercentiles {
    private static final int MAX_MILLIS = 60_000;

    private final long[] counts = new long[MAX_MILLIS + 2];
    private long frames;
    private long max;

    void add(long latencyMillis) {
        long bucket = Math.max(0, Math.min(latencyMillis, MAX_MILLIS + 1));
        counts[(int) bucket]++;
        frames++;
        max = Math.max(max, latencyMillis);
    }

    long frames() {
        return frames;
    }

    /** The smallest latency that {@code fraction} of the frames did not exceed. */
    long percentile(double fraction) {
        long rank = (long) Math.ceil(fraction * frames);
        long seen = 0;
        for (int millis = 0; millis < counts.length; millis++) {
            seen += counts[millis];
            if (seen >= Math.max(1, rank)) {
                return millis;
            }
        }
        return max;
    }

    /** "p50 12 ms, p90 18 ms, p99 31 ms, max 40 ms (300 frames)"; "no frames" when empty. */
    String describe() {
        if (frames == 0) {
            return "no frames";
        }
        return String.format(Locale.ROOT, "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (%d frames)", percentile(0.5),
                percentile(0.9), percentile(0.99), max, frames);
    }

    void clear() {
        Arrays.fill(counts, 0);
        frames = 0;
        max = 0;
    }
}
