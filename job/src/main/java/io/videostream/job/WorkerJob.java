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
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.PyStreamingSchema;
import io.videostream.job.cli.Args;
import io.videostream.job.cli.Flag;
import io.videostream.job.cli.Flags;
import io.videostream.job.cli.Usage;
import io.videostream.job.io.FrameLimit;
import io.videostream.job.io.SourceFormat;
import io.videostream.job.operators.AnalyzeFrames;
import io.videostream.job.operators.DecodeFrames;
import io.videostream.job.operators.EncodeFrames;
import io.videostream.job.operators.NameStreams;
import io.videostream.job.operators.ProcessFrames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * pystreaming's Worker: takes JPEG frames (asking a distributor for its track, or from a publisher or
 * a pusher), then decode -> process -> encode, chained in parallel instances, and pushes the results
 * to the drain. One socket each way; the end of stream passes through once.
 */
public class WorkerJob {
    public static final Flag SOURCE = Flag.of("source", "ENDPOINT[,...]", null,
            "where frames come from, one or more: connects, as pystreaming's Worker (bind:ADDRESS binds); each "
                    + "endpoint is a stream, whose name goes into each result's meta ({'stream': NAME, ...}) when "
                    + "there are several");
    public static final Flag DRAIN = Flag.of("drain", "ENDPOINT", null,
            "where results go, a collecting receiver: connects (bind:ADDRESS binds)");
    public static final Flag SOURCE_PATTERN = Flags.SOURCE_PATTERN.explained("req: ask a streamer's distributor for "
            + "a track (the default); sub: subscribe to a publisher; pull: take pushed frames; rep: an imagezmq hub "
            + "that binds (the default with --format imagezmq)");
    public static final Flag DRAIN_PATTERN = Flag.of("drain-pattern", "push|pub", "push",
            "push to a collector, with back-pressure, or publish, where slow subscribers lose frames");
    public static final Flag TRACK = Flag.of("track", "NAME", "none", "the track to ask the distributor for");
    public static final Flag REQTHREAD = Flag.of("reqthread", "N", "3",
            "requests in flight per source reader (each instance has one when it asks a distributor), as "
                    + "pystreaming's; with more, three keep asking while the distributor has no frame");
    public static final Flag RESULT_ONLY = Flag.toggle("result-only",
            "send the original JPEG with the processor's meta (people boxes, qr text), not the processed picture");
    public static final Flag SOURCE_CURVE_SERVER = Flag.of("source-curve-server", "FILE[,FILE]", null,
            "the public certificate (.key) of the streamer at --source: one for all, or one per endpoint that "
                    + "connects, in their order");
    public static final Flag DRAIN_CURVE_SERVER = Flag.of("drain-curve-server", "FILE", null,
            "the public certificate (.key) of the receiver at --drain");
    public static final Usage USAGE = new Usage(
            "worker (--source ENDPOINT[,...] | --sources FILE) --drain ENDPOINT [flags]",
            "takes frames from streamers, decodes, processes and encodes them in parallel, and pushes the results "
                    + "to a receiver",
            List.of(SOURCE, Flags.SOURCES, DRAIN, SOURCE_PATTERN,
                    Flags.FORMAT.explained("imagezmq: senders' frames named by the sender, capture time their "
                            + "arrival, each result's meta naming its stream"),
                    DRAIN_PATTERN, TRACK, REQTHREAD, Flags.PROCESSOR, Flags.PROCESSOR_JAR, RESULT_ONLY,
                    Flags.FRAMES, Flags.IGNORE_STOPSTREAM, Flags.QUALITY, Flags.CODEC,
                    Flags.PARALLELISM.explained("parallel decode -> process -> encode instances"),
                    Flags.TRANSPORT, Flags.CURVE_CERT, SOURCE_CURVE_SERVER, DRAIN_CURVE_SERVER, Flags.CURVE_CLIENTS));

    /** The worker's settings. */
    public record Options(List<ZmqEndpoint> sources, ZmqSourcePattern sourcePattern, String track, int reqthread,
            ZmqEndpoint drain, ZmqSinkPattern drainPattern, String processor, boolean resultOnly, long frames,
            JpegSettings codec, int parallelism, boolean ignoreStopstream, ZmqCurve sourceCurve, ZmqCurve drainCurve,
            Map<String, String> streamNames, SourceFormat format, ZmqTransport transport, Path processorJar) {
        /** Plain sockets; streams named after their endpoints. */
        public Options(List<ZmqEndpoint> sources, ZmqSourcePattern sourcePattern, String track, int reqthread,
                ZmqEndpoint drain, ZmqSinkPattern drainPattern, String processor, boolean resultOnly, long frames,
                JpegSettings codec, int parallelism, boolean ignoreStopstream) {
            this(sources, sourcePattern, track, reqthread, drain, drainPattern, processor, resultOnly, frames, codec,
                    parallelism, ignoreStopstream, null, null, Map.of(), SourceFormat.PYSTREAMING, null, null);
        }

        /**
         * The same on another transport, with CURVE towards the source and the drain (null: plain
         * sockets; the connector's default transport).
         */
        public Options withSockets(ZmqCurve newSourceCurve, ZmqCurve newDrainCurve, ZmqTransport newTransport) {
            return new Options(sources, sourcePattern, track, reqthread, drain, drainPattern, processor, resultOnly,
                    frames, codec, parallelism, ignoreStopstream, newSourceCurve, newDrainCurve, streamNames, format,
                    newTransport, processorJar);
        }

        public static Options parse(Args args) {
            SourceFormat format = args.choice(Flags.FORMAT, SourceFormat.class);
            ZmqSourcePattern sourcePattern = format.check(args.choice(SOURCE_PATTERN,
                    format == SourceFormat.IMAGEZMQ ? "rep" : "req", ZmqSourcePattern.class));
            ZmqSinkPattern drainPattern = args.choice(DRAIN_PATTERN, ZmqSinkPattern.class);
            if (drainPattern == ZmqSinkPattern.REP) {
                throw new IllegalArgumentException("--drain-pattern is push or pub");
            }
            String processor = args.string(Flags.PROCESSOR);
            Path processorJar = args.processorJar(processor);
            Args.Sources named = args.sources(SOURCE, sourcePattern == ZmqSourcePattern.REP); // a hub binds
            List<ZmqEndpoint> sources = named.endpoints();
            ZmqEndpoint drain = args.endpoint(DRAIN, false);
            return new Options(sources, sourcePattern, args.string(TRACK),
                    args.integer(REQTHREAD, 1, 64), drain, drainPattern, processor,
                    args.flag(RESULT_ONLY), args.frames(), args.codec(), args.parallelism(),
                    args.flag(Flags.IGNORE_STOPSTREAM), args.curve(sources, SOURCE_CURVE_SERVER),
                    args.curve(List.of(drain), DRAIN_CURVE_SERVER), named.names(), format, args.transport(),
                    processorJar);
        }
    }

    private final Options options;
    private final Source<Frame, ?, ?> source;
    private final Sink<Frame> sink;

    public WorkerJob(Options options, Source<Frame, ?, ?> source, Sink<Frame> sink) {
        this.options = options;
        this.source = source;
        this.sink = sink;
    }

    public static ZmqSource<Frame> zeromqSource(Options options) {
        SourceFormat format = options.format();
        var builder = ZmqSource.<Frame>builder()
                .setPattern(options.sourcePattern())
                .setDeserializer(FrameLimit.of(format.schema(options.streamNames(), options.ignoreStopstream(),
                        options.codec()), options.frames()))
                .set(ZmqOptions.MAX_MESSAGE_SIZE, format.maxMessageSize())
                .setCurve(options.sourceCurve())
                .set(ZmqOptions.TRANSPORT, options.transport());
        options.sources().forEach(builder::addEndpoint);
        if (options.sourcePattern() == ZmqSourcePattern.REQ) {
            builder.setTrack(options.track()).setRequestsInFlight(options.reqthread())
                    .setReadersPerEndpoint(readersPerEndpoint(options));
        }
        return builder.build();
    }

    /**
     * Whether each processing instance asks for its own frames: a worker that asks distributors (REQ)
     * and runs until the stream ends has a source reader per instance, chained to it, which asks for a
     * frame when it has room for one, so frames stay in the TaskManager that asked for them and a
     * slower instance simply asks less. With {@code --frames} (counted per reader) and the other
     * patterns, an endpoint has one reader, and the frames are spread over the instances.
     */
    static boolean asksInPlace(Options options) {
        return options.sourcePattern() == ZmqSourcePattern.REQ && options.frames() == Long.MAX_VALUE;
    }

    /** Readers sharing each endpoint: with fewer endpoints than instances, enough for one per instance. */
    static int readersPerEndpoint(Options options) {
        int endpoints = options.sources().size();
        return asksInPlace(options) ? (options.parallelism() + endpoints - 1) / endpoints : 1;
    }

    /** Pushes results on with back-pressure (PUSH) or publishes them, dropping for slow subscribers (PUB). */
    public static Sink<Frame> zeromqSink(Options options) {
        PyStreamingSchema schema = new PyStreamingSchema();
        return ZmqSink.<Frame>builder()
                .setPattern(options.drainPattern())
                .setEndpoint(options.drain())
                .setSerializer(schema)
                .set(ZmqOptions.MAX_MESSAGE_SIZE, schema.maxMessageSize())
                .setFlowControl(options.drainPattern() == ZmqSinkPattern.PUSH ? FlowControl.BLOCK : FlowControl.DROP_OLDEST)
                .setCurve(options.drainCurve())
                .set(ZmqOptions.TRANSPORT, options.transport())
                .build();
    }

    /**
     * Spreads JPEG frames over the parallel instances, which decode, process and encode them chained:
     * raw pixels never leave an instance. Result-only: the original JPEG goes on with the processor's meta.
     */
    public static DataStream<Frame> process(DataStream<Frame> jpegFrames, String processor, boolean resultOnly,
            JpegSettings codec, int parallelism) {
        return processInPlace(jpegFrames.rebalance(), processor, resultOnly, codec, parallelism);
    }

    /** Decodes, processes and encodes the frames where they are: chained to a source of the same parallelism. */
    private static DataStream<Frame> processInPlace(DataStream<Frame> spread, String processor, boolean resultOnly,
            JpegSettings codec, int parallelism) {
        if (resultOnly) {
            return spread.flatMap(new AnalyzeFrames(processor, codec)).setParallelism(parallelism)
                    .name("decode -> " + processor + " -> result");
        }
        return spread
                .flatMap(new DecodeFrames(codec)).setParallelism(parallelism).name("decode")
                .map(new ProcessFrames(processor)).setParallelism(parallelism).name("process: " + processor)
                .map(new EncodeFrames(codec)).setParallelism(parallelism).name("encode");
    }

    public void build(StreamExecutionEnvironment env) {
        FrameJobs.configure(env);
        if (options.processorJar() != null) {
            FrameJobs.ship(env, options.processorJar());
        }
        int readers = ReceiverJob.sourceParallelism(options.sources(), options.parallelism(),
                readersPerEndpoint(options));
        DataStream<Frame> frames = env.fromSource(source, WatermarkStrategy.noWatermarks(),
                "frames from " + ReceiverJob.describe(options.sources())).setParallelism(readers);
        DataStream<Frame> results = asksInPlace(options)
                ? processInPlace(frames, options.processor(), options.resultOnly(), options.codec(), readers)
                : process(frames, options.processor(), options.resultOnly(), options.codec(), options.parallelism());
        if (options.sources().size() > 1 || options.format() == SourceFormat.IMAGEZMQ) {
            results = results.map(new NameStreams()).setParallelism(options.parallelism()).name("name streams");
        }
        results.sinkTo(sink).setParallelism(1).name("drain to " + options.drain());
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("videostream worker " + options.processor() + ": " + ReceiverJob.describe(options.sources())
                + " -> "
                + options.drain());
    }
}
