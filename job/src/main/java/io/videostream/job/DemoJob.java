package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.job.cli.Args;
import io.videostream.job.processors.Processors;
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
    public static final String USAGE = String.join("\n",
            "usage: videostream demo [--card IMAG_S] [--animated true] [--fps 30] [--frames N] [--processor identity] [--processor-jar FILE]",
            "         [--bufferlen 0.5] [--preview-port 8090] [--preview-bind 127.0.0.1] [--window] [--fps-overlay]",
            "         [--quality 50] [--codec auto] [--parallelism 2]",
            "  streams a test card through a worker to a receiver in one job and prints frames per second",
            "  --card         TEST_S|TEST_M|TEST_L (colour bars) or IMAG_S|IMAG_M|IMAG_L (image):",
            "                 640x480, 1280x720, 1920x1080 (default IMAG_S)",
            "  --animated     rotate the card 3 degrees a frame (default true)",
            "  --fps          frames per second (default 30)",
            "  --frames       stop after N frames (default: run until cancelled)",
            "  --processor    " + Processors.names() + " (default identity); class:NAME is a",
            "                 FrameProcessor of one's own, from the jar given with --processor-jar",
            "  --processor-jar the jar of --processor class:NAME, shipped with the job",
            "  --bufferlen    seconds frames wait to be put in capture order (default 0.5)",
            "  --preview-port the live preview at http://localhost:PORT/ (default 8090; 0: none)",
            "  --preview-bind the preview's address (default 127.0.0.1, loopback): 0.0.0.0 or this machine's",
            "                 address or name to view it from another machine, where whoever reaches it sees the",
            "                 streams and can stop them",
            "  --window       also show the frames in a desktop window (needs a display); ESC or closing it stops",
            "  --fps-overlay  write the frames per second onto the frames",
            "  --quality      JPEG quality 1-100 (default 50, as pystreaming)",
            Args.CODEC_USAGE,
            "  --parallelism  parallel encoders, workers and re-orderers (default 2)");

    /** The demo's settings. */
    public record Options(TestCardStream.Options frames, String processor, Duration bufferlen, InetSocketAddress preview,
            boolean window, boolean fpsOverlay, JpegSettings codec, int parallelism, Path processorJar) {
        public static Options parse(Args args) {
            TestCardStream.Options frames = new TestCardStream.Options(Frame.DEFAULT_STREAM,
                    TestCard.parse(args.string("card", "IMAG_S")),
                    args.flag("animated", true), args.decimal("fps", 30, 0.1), args.frames());
            String processor = args.string("processor", "identity");
            Path processorJar = args.processorJar(processor);
            Duration bufferlen = Duration.ofMillis(Math.round(args.decimal("bufferlen", 0.5, 0) * 1000));
            return new Options(frames, processor, bufferlen, args.preview(),
                    args.window(), args.flag("fps-overlay"), args.codec(), args.parallelism(), processorJar);
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
