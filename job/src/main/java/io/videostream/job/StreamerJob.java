package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.formats.PyStreamingSchema;
import io.videostream.job.cli.Args;
import io.videostream.job.cli.Flag;
import io.videostream.job.cli.Flags;
import io.videostream.job.cli.Usage;
import io.videostream.job.video.Ffmpeg;
import io.videostream.job.video.VideoInput;
import io.videostream.job.video.VideoSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * pystreaming's Streamer: test-card frames JPEG-encoded in parallel, a folder of JPEG files, or video
 * files, cameras and devices read by FFmpeg (one stream each), published on a PUB socket or, in
 * map-reduce, served by a REP distributor with one queue per track to the workers that ask; one
 * endpoint per stream.
 */
public class StreamerJob {
    public static final Flag ENDPOINT = Flag.of("endpoint", "ENDPOINT[,...]", null,
            "where to publish or serve: binds, as pystreaming's Streamer (tcp://127.0.0.1:PORT on loopback, "
                    + "tcp://*:PORT on every interface; connect:ADDRESS connects); with several inputs, one endpoint "
                    + "per input, in their order");
    public static final Flag MAPREDUCE = Flag.toggle("mapreduce",
            "serve frames to workers (a distributor with a queue per track) instead of publishing them (PUB)");
    public static final Flag TRACKS = Flag.of("tracks", "NAME[,...]", "none",
            "the distributor's tracks, as pystreaming's");
    public static final Flag INPUT = Flag.of("input", "FOLDER|VIDEO|URL|/dev/videoN[,...]", null,
            "instead of a card: a folder of JPEG files (sent as they are, in name order); or, comma-separated, "
                    + "one stream each, read by FFmpeg: video files (MP4, AVI, ...; read at --fps, the run ends with "
                    + "them), camera URLs (rtsp://, http://, ...) and V4L2 devices (/dev/video0), read as they send "
                    + "and reopened when they drop");
    public static final Usage USAGE = new Usage("streamer --endpoint ENDPOINT[,...] [flags]",
            "JPEG-encodes a test card, a folder of JPEG files or videos and cameras in parallel, and publishes "
                    + "the frames or serves them to workers (--mapreduce)",
            List.of(ENDPOINT, MAPREDUCE, TRACKS, Flags.CARD, Flags.ANIMATED, INPUT,
                    Flags.FPS.explained("frames per second of a card or a video file"),
                    Flags.FRAMES.explained("send N frames (of each input), then the end of stream (STOPSTREAM), and "
                            + "finish; a bounded run holds frames back rather than drop them"),
                    Flags.QUALITY.explained("JPEG quality, as pystreaming's (FFmpeg's inputs: the nearest of its "
                            + "scale)"),
                    Flags.CODEC, Flags.PARALLELISM.explained("parallel encoders, or readers of the inputs"),
                    Flags.TRANSPORT, Flags.CURVE_CERT, Flags.CURVE_CLIENTS,
                    Flags.CURVE_SERVER.explained("the public certificate (.key) of the server, when --endpoint "
                            + "connects")));

    /**
     * The streamer's settings: no tracks means PUB; curve null means plain sockets; no inputs means the
     * test card; one endpoint per input (one for the card or a folder).
     */
    public record Options(List<ZmqEndpoint> endpoints, List<String> tracks, TestCardStream.Options frames,
            List<String> inputs, JpegSettings codec, int parallelism, ZmqCurve curve, ZmqTransport transport) {
        /** One endpoint, plain sockets; a test card when input is null. */
        public Options(ZmqEndpoint endpoint, List<String> tracks, TestCardStream.Options frames, Path input,
                JpegSettings codec, int parallelism) {
            this(List.of(endpoint), tracks, frames, input == null ? List.of() : List.of(input.toString()), codec,
                    parallelism, null, null);
        }

        /** The same on another transport and CURVE (null: plain sockets; the connector's default transport). */
        public Options withSockets(ZmqCurve newCurve, ZmqTransport newTransport) {
            return new Options(endpoints, tracks, frames, inputs, codec, parallelism, newCurve, newTransport);
        }

        public static Options parse(Args args) {
            List<ZmqEndpoint> endpoints = args.list(ENDPOINT).stream()
                    .map(text -> ZmqEndpoint.parse(text, true)).toList();
            if (endpoints.isEmpty()) {
                throw new IllegalArgumentException("--endpoint is required");
            }
            boolean mapreduce = args.flag(MAPREDUCE);
            List<String> tracks = args.list(TRACKS);
            if (!mapreduce && args.given(TRACKS)) {
                throw new IllegalArgumentException("--tracks needs --mapreduce");
            }
            TestCardStream.Options frames = args.testCard(Flags.ANIMATED);
            List<String> inputs = args.list(INPUT);
            if (endpoints.size() != Math.max(1, inputs.size())) {
                throw new IllegalArgumentException("--input gives " + Math.max(1, inputs.size()) + " streams, --endpoint "
                        + endpoints.size() + ": one endpoint per input, in their order");
            }
            Options options = new Options(endpoints, mapreduce ? tracks : List.of(), frames, inputs, args.codec(),
                    args.parallelism(), args.curve(endpoints, Flags.CURVE_SERVER), args.transport());
            if (options.folder() == null && !inputs.isEmpty()) {
                Ffmpeg.require("--input " + String.join(",", inputs));
                Ffmpeg.checkFiles(options.videoInputs()); // fails now, with one line, if one cannot be read
            } else if (options.folder() != null) {
                FileStream.jpegFiles(options.folder());
            }
            return options;
        }

        /** The folder of JPEG files that is the one input, or null. */
        Path folder() {
            return inputs.size() == 1 && Files.isDirectory(Path.of(inputs.get(0))) ? Path.of(inputs.get(0)) : null;
        }

        /** The inputs FFmpeg reads, one stream each, named uniquely. */
        List<VideoInput> videoInputs() {
            return VideoInput.parseAll(inputs);
        }

        /** The run ends by itself: after --frames, with a folder, or with inputs that are all files. */
        boolean bounded() {
            return frames.frames() != Long.MAX_VALUE || folder() != null
                    || (!inputs.isEmpty() && videoInputs().stream().noneMatch(VideoInput::live));
        }
    }

    private final Options options;
    private final List<Sink<Frame>> sinks;

    /** @param sinks one per endpoint, in their order ({@link #zeromqSinks}) */
    public StreamerJob(Options options, List<Sink<Frame>> sinks) {
        if (sinks.size() != options.endpoints().size()) {
            throw new IllegalArgumentException(sinks.size() + " sinks for " + options.endpoints().size() + " endpoints");
        }
        this.options = options;
        this.sinks = List.copyOf(sinks);
    }

    /** A streamer of one stream (a card, a folder, one video input) into one sink. */
    public StreamerJob(Options options, Sink<Frame> sink) {
        this(options, List.of(sink));
    }

    /** The streamer's own sink of a one-stream streamer: PUB, or a REP distributor for map-reduce. */
    public static Sink<Frame> zeromqSink(Options options) {
        if (options.endpoints().size() != 1) {
            throw new IllegalArgumentException("a sink for each of " + options.endpoints().size() + " endpoints");
        }
        return zeromqSinks(options).get(0);
    }

    /** PUB, or a REP distributor for map-reduce, at each endpoint. */
    public static List<Sink<Frame>> zeromqSinks(Options options) {
        PyStreamingSchema schema = new PyStreamingSchema();
        ZmqCurve curve = options.curve();
        FlowControl flowControl = options.bounded() ? FlowControl.BLOCK : FlowControl.DROP_OLDEST;
        return options.endpoints().stream().<Sink<Frame>>map(endpoint -> ZmqSink.<Frame>builder()
                .setPattern(options.tracks().isEmpty() ? ZmqSinkPattern.PUB : ZmqSinkPattern.REP)
                .setEndpoint(endpoint)
                .setTracks(options.tracks().toArray(String[]::new))
                .setSerializer(schema)
                .set(ZmqOptions.MAX_MESSAGE_SIZE, schema.maxMessageSize())
                .setFlowControl(flowControl)
                .setCurve(curve)
                .set(ZmqOptions.TRANSPORT, options.transport())
                .build()).toList();
    }

    public void build(StreamExecutionEnvironment env) {
        FrameJobs.configure(env);
        TestCardStream.Options frames = options.frames();
        Path folder = options.folder();
        if (options.inputs().isEmpty()) {
            sinkTo(TestCardStream.encoded(env, frames, options.codec(), options.parallelism()), 0);
        } else if (folder != null) {
            sinkTo(FileStream.encoded(env, folder, frames.fps(), frames.frames(), options.parallelism()), 0);
        } else {
            List<VideoInput> inputs = options.videoInputs();
            DataStream<Frame> video = env.fromSource(new VideoSource(inputs, frames.fps(), frames.frames(),
                            options.codec().quality()), WatermarkStrategy.noWatermarks(),
                            "video " + inputs)
                    .setParallelism(Math.min(inputs.size(), options.parallelism()));
            for (int i = 0; i < inputs.size(); i++) {
                String stream = inputs.get(i).stream();
                sinkTo(inputs.size() == 1 ? video : video.filter(frame -> frame.stream().equals(stream))
                        .setParallelism(video.getParallelism()).name("stream " + stream), i);
            }
        }
    }

    /** The frames of the stream that endpoint {@code i} serves. */
    private void sinkTo(DataStream<Frame> frames, int i) {
        frames.sinkTo(sinks.get(i))
                .setParallelism(1)
                .name((options.tracks().isEmpty() ? "publish at " : "distribute " + options.tracks() + " at ")
                        + options.endpoints().get(i));
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        String what = options.inputs().isEmpty() ? options.frames().card().toString()
                : options.folder() != null ? options.folder().toString() : options.videoInputs().toString();
        return env.execute("videostream streamer " + what + " -> " + ReceiverJob.describe(options.endpoints()));
    }
}
