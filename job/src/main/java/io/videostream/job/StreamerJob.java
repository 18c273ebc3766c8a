package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.job.cli.Args;
import io.videostream.job.io.PyStreamingSchema;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * pystreaming's Streamer: test-card frames, JPEG-encoded in parallel, published on a PUB socket or,
 * in map-reduce, served by a REP distributor with one queue per track to the workers that ask.
 */
public class StreamerJob {
    public static final String USAGE = String.join("\n",
            "usage: videostream streamer --endpoint tcp://127.0.0.1:5555 [--mapreduce --tracks none,detect]",
            "         [--card IMAG_S] [--animated] [--input FOLDER|VIDEO] [--fps 30] [--frames N] [--quality 50]",
            "         [--parallelism 2] [--curve-cert FILE (--curve-clients DIR | --curve-server FILE)]",
            "  --endpoint     where to publish or serve: binds, as pystreaming's Streamer (tcp://127.0.0.1:PORT on",
            "                 loopback, tcp://*:PORT on every interface; connect:ADDRESS connects)",
            "  --mapreduce    serve frames to workers (REP distributor) instead of publishing them (PUB)",
            "  --tracks       the distributor's tracks, comma-separated (default none, as pystreaming)",
            "  --card         TEST_S|TEST_M|TEST_L (colour bars) or IMAG_S|IMAG_M|IMAG_L (image):",
            "                 640x480, 1280x720, 1920x1080 (default IMAG_S)",
            "  --animated     rotate the card 3 degrees a frame",
            "  --input        instead of a card: a folder of JPEG files (sent as they are, in name order)",
            "                 or a video file (read with OpenCV); the run ends with the input",
            "  --fps          frames per second (default 30)",
            "  --frames       send N frames, then the end of stream (STOPSTREAM), and finish;",
            "                 a bounded run holds frames back rather than drop them",
            "  --quality      JPEG quality 1-100 (default 50)",
            "  --parallelism  parallel encoders (default 2)",
            Args.CURVE_USAGE,
            "  --curve-server the public certificate (.key) of the server, when --endpoint connects");

    /** The streamer's settings; no tracks means PUB; curve null means plain sockets. */
    public record Options(ZmqEndpoint endpoint, List<String> tracks, TestCardStream.Options frames, Path input,
            Configuration codec, int parallelism, ZmqCurve curve, ZmqTransport transport) {
        /** Plain sockets. */
        public Options(ZmqEndpoint endpoint, List<String> tracks, TestCardStream.Options frames, Path input,
                Configuration codec, int parallelism) {
            this(endpoint, tracks, frames, input, codec, parallelism, null, null);
        }

        /** The same on another transport and CURVE (null: plain sockets; the connector's default transport). */
        public Options withSockets(ZmqCurve newCurve, ZmqTransport newTransport) {
            return new Options(endpoint, tracks, frames, input, codec, parallelism, newCurve, newTransport);
        }

        public static Options parse(Args args) {
            ZmqEndpoint endpoint = args.endpoint("endpoint", true);
            boolean mapreduce = args.flag("mapreduce");
            List<String> tracks = args.list("tracks", "none");
            if (!mapreduce && args.string("tracks", null) != null) {
                throw new IllegalArgumentException("--tracks needs --mapreduce");
            }
            TestCardStream.Options frames = new TestCardStream.Options(Frame.DEFAULT_STREAM,
                    TestCard.parse(args.string("card", "IMAG_S")), args.flag("animated"),
                    args.decimal("fps", 30, 0.1), args.frames());
            String input = args.string("input", null);
            if (input != null) {
                FileStream.frameCount(Path.of(input)); // fails now, with one line, if it cannot be read
            }
            return new Options(endpoint, mapreduce ? tracks : List.of(), frames, input == null ? null : Path.of(input),
                    args.codec(), args.parallelism(), args.curve(List.of(endpoint), "curve-server"), args.transport());
        }
    }

    private final Options options;
    private final Sink<Frame> sink;

    public StreamerJob(Options options, Sink<Frame> sink) {
        this.options = options;
        this.sink = sink;
    }

    /** The streamer's own sink: PUB, or a REP distributor for map-reduce. */
    public static Sink<Frame> zeromqSink(Options options) {
        boolean bounded = options.frames().frames() != Long.MAX_VALUE || options.input() != null;
        PyStreamingSchema schema = new PyStreamingSchema();
        return ZmqSink.<Frame>builder()
                .setPattern(options.tracks().isEmpty() ? ZmqSinkPattern.PUB : ZmqSinkPattern.REP)
                .setEndpoint(options.endpoint())
                .setTracks(options.tracks().toArray(String[]::new))
                .setSerializer(schema)
                .set(ZmqOptions.MAX_MESSAGE_SIZE, schema.maxMessageSize())
                .setFlowControl(bounded ? FlowControl.BLOCK : FlowControl.DROP_OLDEST)
                .setCurve(options.curve())
                .set(ZmqOptions.TRANSPORT, options.transport())
                .build();
    }

    public void build(StreamExecutionEnvironment env) {
        FrameJobs.configure(env);
        TestCardStream.Options frames = options.frames();
        DataStream<Frame> encoded = options.input() == null
                ? TestCardStream.encoded(env, frames, options.codec(), options.parallelism())
                : FileStream.encoded(env, options.input(), frames.fps(), frames.frames(), options.codec(),
                        options.parallelism());
        encoded.sinkTo(sink)
                .setParallelism(1)
                .name(options.tracks().isEmpty() ? "publish" : "distribute " + options.tracks());
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        String what = options.input() != null ? options.input().toString() : options.frames().card().toString();
        return env.execute("videostream streamer " + what + " -> " + options.endpoint());
    }
}
