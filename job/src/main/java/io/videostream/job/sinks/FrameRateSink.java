package io.videostream.job.sinks;

import io.videostream.codec.Frame;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MeterView;

/**
 * Prints, once a second per parallel instance, how many frames per second arrive and what the last
 * one looked like; the rate is also the metric {@code framesPerSecond}.
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
        return new Writer(label + "[" + subtask + "]", meter, System.out);
    }

    private static final class Writer implements SinkWriter<Frame> {
        private final String label;
        private final Meter meter;
        private final PrintStream out;
        private long windowStart = System.nanoTime();
        private long windowFrames;
        private long totalFrames;
        private Frame last;

        Writer(String label, Meter meter, PrintStream out) {
            this.label = label;
            this.meter = meter;
            this.out = out;
        }

        @Override
        public void write(Frame frame, Context context) {
            meter.markEvent();
            windowFrames++;
            totalFrames++;
            last = frame;
            long now = System.nanoTime();
            if (now - windowStart >= 1_000_000_000L) {
                report(now);
            }
        }

        private void report(long now) {
            double seconds = (now - windowStart) / 1e9;
            String image = last.isEncoded() ? "jpeg " + last.jpeg().length + " B" : last.pixels().toString();
            double latencyMs = System.currentTimeMillis() - last.ftime() * 1000.0;
            out.printf(Locale.ROOT, "%s %.1f frames/s, %d frames, last #%d %s, %.0f ms after capture%n",
                    label, windowFrames / seconds, totalFrames, last.fno(), image, latencyMs);
            windowStart = now;
            windowFrames = 0;
        }

        @Override
        public void flush(boolean endOfInput) {
            if (endOfInput && windowFrames > 0) {
                report(System.nanoTime());
            }
        }

        @Override
        public void close() {}
    }
}
