package io.videostream.job.operators;

import io.videostream.codec.Frame;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * pystreaming's {@code dispfps} as Flink metrics, per stream (metric group {@code stream=<name>}):
 * {@code framesPerSecond} (a meter), {@code fps} (the average over the last {@value FrameRate#WINDOW}
 * frames, as pystreaming prints it), {@code latencyMs} (now - ftime, a histogram) and
 * {@code missingFrames} (frame numbers that never came, see {@link FrameGaps}). Frames pass unchanged.
 */
public class FrameStats extends RichMapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;

    private transient Map<String, StreamStats> streams;
    private transient MetricGroup metrics;

    /** The figures of one stream. */
    private static final class StreamStats {
        final Meter meter;
        final Histogram latency;
        final Counter missing;
        final FrameRate rate = new FrameRate();
        final FrameGaps gaps = new FrameGaps();
        volatile double fps;

        StreamStats(MetricGroup group) {
            meter = group.meter("framesPerSecond", new MeterView(5));
            latency = group.histogram("latencyMs", new DescriptiveStatisticsHistogram(1000));
            missing = group.counter("missingFrames");
            group.gauge("fps", () -> fps);
        }

        void add(Frame frame, long nowMillis) {
            meter.markEvent();
            latency.update(Math.max(0, nowMillis - frame.eventTimeMillis()));
            fps = rate.arrived(System.nanoTime());
            missing.inc(gaps.next(frame.fno()));
        }
    }

    @Override
    public void open(OpenContext context) {
        streams = new HashMap<>();
        metrics = getRuntimeContext().getMetricGroup();
    }

    @Override
    public Frame map(Frame frame) {
        streams.computeIfAbsent(frame.stream(), name -> new StreamStats(metrics.addGroup("stream", name)))
                .add(frame, System.currentTimeMillis());
        return frame;
    }
}
