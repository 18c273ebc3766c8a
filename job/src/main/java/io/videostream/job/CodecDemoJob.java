package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.testcard.TestCard;
import io.videostream.job.operators.DecodeFrames;
import io.videostream.job.operators.EncodeFrames;
import io.videostream.job.operators.TestCardFrames;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Streams a test card through JPEG encode and decode: test card → encode → (network) → decode →
 * sink. Only JPEG frames cross between tasks; raw pixels stay inside the chained operators.
 */
public class CodecDemoJob {

    /** What to stream: the card, how fast, how many frames (Long.MAX_VALUE: until cancelled). */
    public record Options(TestCard card, boolean animated, double fps, long frames, Configuration codec) {}

    private final Options options;
    private final Sink<Frame> sink;

    public CodecDemoJob(Options options, Sink<Frame> sink) {
        this.options = options;
        this.sink = sink;
    }

    /** Adds the pipeline to the environment. */
    public void build(StreamExecutionEnvironment env) {
        DataGeneratorSource<Long> frameNumbers = new DataGeneratorSource<>(
                index -> index, options.frames(), RateLimiterStrategy.perSecond(options.fps()), Types.LONG);
        env.fromSource(frameNumbers, WatermarkStrategy.noWatermarks(), "frame clock")
                .map(new TestCardFrames(Frame.DEFAULT_STREAM, options.card(), options.animated()))
                .name("test card " + options.card())
                .map(new EncodeFrames(options.codec()))
                .name("encode")
                .rebalance()
                .map(new DecodeFrames(options.codec()))
                .name("decode")
                .sinkTo(sink)
                .name("frame rate");
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("videostream demo: " + options.card() + " through JPEG encode and decode");
    }
}
