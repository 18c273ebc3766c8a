package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.job.clock.FrameClock;
import io.videostream.job.operators.EncodeFrames;
import io.videostream.job.operators.TestCardFrames;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * JPEG frames of a test card at a frame rate: a clock ticks (frame number, capture time) in parallel
 * lanes, and each lane's ticks are rendered and encoded by operators chained to it, so raw pixels
 * stay in their task and only JPEG frames leave it.
 */
public final class TestCardStream {
    /** What to stream: the card, how fast, how many frames (Long.MAX_VALUE: until cancelled). */
    public record Options(String stream, TestCard card, boolean animated, double fps, long frames) {}

    private TestCardStream() {}

    /**
     * One tick (frame number, capture time) per frame, {@code fps} a second, {@code frames} of them, in
     * {@code parallelism} lanes: what renders or reads a frame is chained to its lane (see {@link FrameClock}).
     */
    static DataStream<Tuple2<Long, Double>> clock(StreamExecutionEnvironment env, double fps, long frames,
            int parallelism) {
        return env.fromSource(new FrameClock(fps, frames), WatermarkStrategy.noWatermarks(), "frame clock " + fps + " fps")
                .setParallelism(parallelism);
    }

    public static DataStream<Frame> encoded(StreamExecutionEnvironment env, Options options, JpegSettings codec,
            int parallelism) {
        return clock(env, options.fps(), options.frames(), parallelism)
                .map(new TestCardFrames(options.stream(), options.card(), options.animated()))
                .setParallelism(parallelism)
                .name("test card " + options.card())
                .map(new EncodeFrames(codec))
                .setParallelism(parallelism)
                .name("encode");
    }
}
