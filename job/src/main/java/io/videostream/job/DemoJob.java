package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.job.cli.Args;
import io.videostream.job.cli.Flag;
import io.videostream.job.cli.Flags;
import io.videostream.job.cli.Usage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The three roles in one job: a test card streamed (encode), worked on (decode -> process -> encode)
 * and received (re-order by capture time, frame rate and latency). Only JPEG frames travel between
 * the stages.
 */
public class DemoJob {
    /** The demo's card rotates unless asked not to. */
    public static final Flag ANIMATED = Flags.ANIMATED.defaultingTo("true");
    public static final Usage USAGE = new Usage("demo [flags]",
            "streams a test card through a worker to a receiver in one job and prints frames per second",
            List.of(Flags.CARD, ANIMATED, Flags.FPS, Flags.FRAMES.explained("stop after N frames (default: run "
                    + "until cancelled)"), Flags.PROCESSOR, Flags.PROCESSOR_JAR, Flags.BUFFERLEN,
                    Flags.PREVIEW_PORT, Flags.PREVIEW_BIND, Flags.WINDOW, Flags.FPS_OVERLAY, Flags.QUALITY,
                    Flags.CODEC, Flags.PARALLELISM.explained("parallel encoders, workers and re-orderers")));

    /** The demo's settings. */
    public record Options(TestCardStream.Options frames, String processor, Duration bufferlen, InetSocketAddress preview,
            boolean window, boolean fpsOverlay, JpegSettings codec, int parallelism, Path processorJar) {
        public static Options parse(Args args) {
            TestCardStream.Options frames = args.testCard(ANIMATED);
            String processor = args.string(Flags.PROCESSOR);
            Path processorJar = args.processorJar(processor);
            return new Options(frames, processor, args.bufferlen(), args.preview(),
                    args.window(), args.flag(Flags.FPS_OVERLAY), args.codec(), args.parallelism(), processorJar);
        }
    }

    private final Options options;
    private final List<Sink<Frame>> sinks;

    /** @param sinks where the received frames go (console, preview, a test's collector) */
    public DemoJob(Options options, List<Sink<Frame>> sinks) {
        this.options = options;
        this.sinks = sinks;
    }

    public void build(StreamExecutionEnvironment env) {
        FrameJobs.configure(env);
        if (options.processorJar() != null) {
            FrameJobs.ship(env, options.processorJar());
        }
        int parallelism = options.parallelism();
        DataStream<Frame> streamed = TestCardStream.encoded(env, options.frames(), options.codec(), parallelism);
        // By stream: each stream's clock is learned in one place.
        DataStream<Frame> worked = WorkerJob.process(streamed, options.processor(), false, options.codec(), parallelism)
                .keyBy(Frame::stream)
                .assignTimestampsAndWatermarks(ReceiverJob.watermarks(options.bufferlen()))
                .setParallelism(parallelism)
                .name("capture time");
        DataStream<Frame> received = ReceiverJob.inCaptureOrder(worked, options.bufferlen(), parallelism);
        if (options.fpsOverlay()) {
            received = ReceiverJob.withFpsOverlay(received, options.codec(), parallelism);
        }
        ReceiverJob.sinkToAll(received, sinks);
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("videostream demo: " + options.frames().card() + " -> " + options.processor() + " -> receiver");
    }
}
