package io.videostream.job.sinks;

import io.videostream.codec.Frame;
import io.videostream.job.operators.FrameGaps;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MeterView;

/**
 * Prints, once a second per parallel instance, how many frames per second arrive and what the last
 * one looked like; every 10 s, the percentiles of latency (now - ftime) over those 10 s, and at the
 * end of a bounded run, over the whole run, with the frames missing from it (gaps in each stream's
 * frame numbers, {@link FrameGaps}). The rate is also the metric {@code framesPerSecond}.
 */
public class FrameRateSink implements Sink<Frame> {
    private static final long serialVersionUID = 1L;

    private final String label;

    public FrameRateSink(String label) {
        this.label = label;
    }

    @Override
    public SinkWriter<Frame> createWriter(WriterInitContext context) {
        Meter meter = context.metricGroup().meter("framesPerSecond", new MeterView(5));
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        return new Writer(label + "[" + subtask + "]", meter, System.out, System::currentTimeMillis);
    }

    /** Writes the reports; the clock (ms since the epoch) is the wall clock, or a test's. */
    static final class Writer implements SinkWriter<Frame> {
        private static final long LATENCY_WINDOW_MILLIS = 10_000;

        private final String label;
        private final Meter meter;
        private final PrintStream out;
        private final LongSupplier clock;
        private final LatencyPercentiles recentLatency = new LatencyPercentiles();
        private final LatencyPercentiles runLatency = new LatencyPercentiles();
        private long windowStart;
        private long latencyWindowStart;
        private long windowFrames;
        private long totalFrames;
        private Frame last;
        private final Map<String, FrameGaps> gaps = new HashMap<>();
        private long missing;

        Writer(String label, Meter meter, PrintStream out, LongSupplier clock) {
            this.label = label;
            this.meter = meter;
            this.out = out;
            this.clock = clock;
            this.windowStart = clock.getAsLong();
            this.latencyWindowStart = windowStart;
        }

        @Override
        public void write(Frame frame, Context context) {
            long now = clock.getAsLong();
            meter.markEvent();
            windowFrames++;
            totalFrames++;
            last = frame;
            missing += gaps.computeIfAbsent(frame.stream(), stream -> new FrameGaps()).next(frame.fno());
            long latency = Math.round(now - frame.ftime() * 1000.0);
            recentLatency.add(latency);
            runLatency.add(latency);
            if (now - windowStart >= 1000) {
                report(now);
            }
            if (now - latencyWindowStart >= LATENCY_WINDOW_MILLIS) {
                out.printf(Locale.ROOT, "%s latency over the last %d s: %s%n", label, (now - latencyWindowStart) / 1000,
                        recentLatency.describe());
                recentLatency.clear();
                latencyWindowStart = now;
            }
        }

        private void report(long now) {
            double seconds = Math.max(1, now - windowStart) / 1e3;
            String image = last.isEncoded() ? "jpeg " + last.jpeg().length + " B" : last.pixels().toString();
            double latencyMs = now - last.ftime() * 1000.0;
            out.printf(Locale.ROOT, "%s %.1f frames/s, %d frames, last #%d %s, %.0f ms after capture%n",
                    label, windowFrames / seconds, totalFrames, last.fno(), image, latencyMs);
            windowStart = now;
            windowFrames = 0;
        }

        @Override
        public void flush(boolean endOfInput) {
            if (!endOfInput || totalFrames == 0) {
                return;
            }
            if (windowFrames > 0) {
                report(clock.getAsLong());
            }
            out.printf(Locale.ROOT, "%s latency over the run: %s%n", label, runLatency.describe());
            out.printf(Locale.ROOT, "%s frames missing over the run: %d (gaps in the frame numbers: lost on the way, "
                    + "or left out as late)%n", label, missing);
        }

        @Override
        public void close() {}
    }
}
