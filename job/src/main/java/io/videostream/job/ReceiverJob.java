package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.serialization.FrameTypeInfo;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.job.cli.Args;
import io.videostream.job.cli.Flag;
import io.videostream.job.cli.Flags;
import io.videostream.job.cli.Usage;
import io.videostream.job.io.FrameLimit;
import io.videostream.job.io.SourceFormat;
import io.videostream.job.operators.CaptureTimes;
import io.videostream.job.operators.FpsOverlay;
import io.videostream.job.operators.FrameStats;
import io.videostream.job.operators.ReorderOperator;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * pystreaming's Receiver: takes JPEG frames from publishers (SUB) or, in map-reduce, collects what
 * workers push (a bound PULL), re-orders each stream by capture time with event-time watermarks
 * ({@code bufferlen}), measures frames per second and latency per stream, and hands the frames on:
 * printed rates, a recording, or any sink a caller gives.
 */
public class ReceiverJob {
    public static final Flag ENDPOINT = Flag.of("endpoint", "ENDPOINT[,...]", null,
            "publishers to subscribe to (connects); with --mapreduce, where workers push to (binds), as "
                    + "pystreaming's Receiver; bind:ADDRESS or connect:ADDRESS decides otherwise");
    public static final Flag MAPREDUCE = Flag.toggle("mapreduce",
            "collect what workers push (PULL) instead of subscribing (SUB)");
    public static final Flag RECORD = Flag.of("record", "DIR", null,
            "write every frame, in order, as DIR/<stream>/<frame number>.jpg");
    public static final Usage USAGE = new Usage(
            "receiver (--endpoint ENDPOINT[,...] | --sources FILE | --mapreduce --endpoint ENDPOINT) [flags]",
            "takes frames from streamers or workers, puts each stream in capture order, measures frames per "
                    + "second and latency, and shows or records them",
            List.of(ENDPOINT, Flags.SOURCES, Flags.FORMAT, Flags.SOURCE_PATTERN, MAPREDUCE, Flags.BUFFERLEN,
                    Flags.PREVIEW_PORT, Flags.PREVIEW_BIND, Flags.WINDOW, RECORD, Flags.FPS_OVERLAY,
                    Flags.QUALITY.explained("JPEG quality of frames with the overlay"), Flags.CODEC,
                    Flags.FRAMES.explained("end after N frames from each endpoint (default: at its end of stream, "
                            + "STOPSTREAM)"),
                    Flags.IGNORE_STOPSTREAM,
                    Flags.PARALLELISM.explained("parallel source readers (each polls its share of the endpoints) "
                            + "and re-order instances, by stream"),
                    Flags.TRANSPORT, Flags.CURVE_CERT, Flags.CURVE_SERVER, Flags.CURVE_CLIENTS));

    /** The receiver's settings. */
    public record Options(List<ZmqEndpoint> endpoints, boolean mapreduce, Duration bufferlen, Path record,
            InetSocketAddress preview, boolean window, boolean fpsOverlay, long frames, JpegSettings codec, int parallelism,
            boolean ignoreStopstream, ZmqCurve curve, Map<String, String> streamNames, SourceFormat format,
            ZmqSourcePattern pattern, ZmqTransport transport) {
        /** Plain sockets; streams named after their endpoints. */
        public Options(List<ZmqEndpoint> endpoints, boolean mapreduce, Duration bufferlen, Path record,
                InetSocketAddress preview, boolean window, boolean fpsOverlay, long frames, JpegSettings codec,
                int parallelism, boolean ignoreStopstream) {
            this(endpoints, mapreduce, bufferlen, record, preview, window, fpsOverlay, frames, codec, parallelism,
                    ignoreStopstream, null, Map.of(), SourceFormat.PYSTREAMING,
                    mapreduce ? ZmqSourcePattern.PULL : ZmqSourcePattern.SUB, null);
        }

        /** The same on another transport and CURVE (null: plain sockets; the connector's default transport). */
        public Options withSockets(ZmqCurve newCurve, ZmqTransport newTransport) {
            return new Options(endpoints, mapreduce, bufferlen, record, preview, window, fpsOverlay, frames, codec,
                    parallelism, ignoreStopstream, newCurve, streamNames, format, pattern, newTransport);
        }

        public static Options parse(Args args) {
            boolean mapreduce = args.flag(MAPREDUCE);
            SourceFormat format = args.choice(Flags.FORMAT, SourceFormat.class);
            ZmqSourcePattern pattern;
            if (format == SourceFormat.IMAGEZMQ) {
                if (mapreduce) {
                    throw new IllegalArgumentException("--mapreduce is pystreaming's; an imagezmq hub is --source-pattern "
                            + "rep (the default), a subscriber sub");
                }
                pattern = format.check(args.choice(Flags.SOURCE_PATTERN, "rep", ZmqSourcePattern.class));
            } else {
                if (args.given(Flags.SOURCE_PATTERN)) {
                    throw new IllegalArgumentException("--source-pattern is for --format imagezmq (pystreaming's "
                            + "receiver subscribes, or collects with --mapreduce)");
                }
                pattern = mapreduce ? ZmqSourcePattern.PULL : ZmqSourcePattern.SUB;
            }
            // A collector and a hub bind, a subscriber connects.
            Args.Sources sources = args.sources(ENDPOINT, pattern != ZmqSourcePattern.SUB);
            List<ZmqEndpoint> endpoints = sources.endpoints();
            if (mapreduce && endpoints.size() > 1) {
                throw new IllegalArgumentException("--mapreduce collects on one --endpoint");
            }
            Duration bufferlen = args.bufferlen();
            String record = args.string(RECORD);
            return new Options(endpoints, mapreduce, bufferlen, record == null ? null : Path.of(record),
                    args.preview(), args.window(), args.flag(Flags.FPS_OVERLAY), args.frames(),
                    args.codec(), args.parallelism(), args.flag(Flags.IGNORE_STOPSTREAM),
                    args.curve(endpoints, Flags.CURVE_SERVER), sources.names(), format, pattern, args.transport());
        }
    }

    private final Options options;
    private final Source<Frame, ?, ?> source;
    private final List<Sink<Frame>> sinks;

    /** @param sinks where the re-ordered frames go (console, recording, preview, a test's collector) */
    public ReceiverJob(Options options, Source<Frame, ?, ?> source, List<Sink<Frame>> sinks) {
        this.options = options;
        this.source = source;
        this.sinks = sinks;
    }

    /** SUB connected to every publisher, a PULL collector that binds (map-reduce), or an imagezmq hub (REP). */
    public static ZmqSource<Frame> zeromqSource(Options options) {
        SourceFormat format = options.format();
        var builder = ZmqSource.<Frame>builder()
                .setPattern(options.pattern())
                .setDeserializer(FrameLimit.of(format.schema(options.streamNames(), options.ignoreStopstream(),
                        options.codec()), options.frames()))
                .set(ZmqOptions.MAX_MESSAGE_SIZE, format.maxMessageSize())
                .setCurve(options.curve())
                .set(ZmqOptions.TRANSPORT, options.transport());
        options.endpoints().forEach(builder::addEndpoint);
        return builder.build();
    }

    /**
     * Event time from each frame's capture time placed on this receiver's clock by its stream's learned
     * offset ({@link CaptureTimes}), watermarks {@code bufferlen} behind the newest.
     */
    public static WatermarkStrategy<Frame> watermarks(Duration bufferlen) {
        return WatermarkStrategy.<Frame>forBoundedOutOfOrderness(bufferlen)
                .withTimestampAssigner(new CaptureTimes(bufferlen.toMillis()))
                .withIdleness(Duration.ofSeconds(1));
    }

    /** Per stream: capture order, then frame rate and latency metrics. Late frames are counted and left out. */
    public static DataStream<Frame> inCaptureOrder(DataStream<Frame> frames, Duration bufferlen, int parallelism) {
        SingleOutputStreamOperator<Frame> ordered = frames.keyBy(Frame::stream)
                .transform("re-order", FrameTypeInfo.INSTANCE, new ReorderOperator(bufferlen.toMillis()))
                .setParallelism(parallelism);
        return ordered.map(new FrameStats()).setParallelism(parallelism).name("frame rate and latency");
    }

    public void build(StreamExecutionEnvironment env) {
        FrameJobs.configure(env);
        DataStream<Frame> frames = env.fromSource(source, watermarks(options.bufferlen()),
                "frames from " + describe(options.endpoints())).setParallelism(sourceParallelism(options.endpoints(),
                options.parallelism()));
        DataStream<Frame> received = inCaptureOrder(frames, options.bufferlen(), options.parallelism());
        if (options.fpsOverlay()) {
            received = withFpsOverlay(received, options.codec(), options.parallelism());
        }
        sinkToAll(received, sinks);
    }

    /**
     * Source readers for the endpoints: one per endpoint up to {@code parallelism}; a reader polls all
     * its endpoints' sockets in one thread, so many cameras cost sockets, not threads.
     */
    static int sourceParallelism(List<ZmqEndpoint> endpoints, int parallelism) {
        return sourceParallelism(endpoints, parallelism, 1);
    }

    /** One reader per split (an endpoint's, or its share of a REQ endpoint), up to {@code parallelism}. */
    static int sourceParallelism(List<ZmqEndpoint> endpoints, int parallelism, int readersPerEndpoint) {
        return Math.min(endpoints.size() * readersPerEndpoint, parallelism);
    }

    /** The endpoints for an operator's name: all of a few, the first and how many more of many. */
    static String describe(List<ZmqEndpoint> endpoints) {
        return endpoints.size() <= 3 ? endpoints.toString() : "[" + endpoints.get(0) + " and " + (endpoints.size() - 1)
                + " more]";
    }

    /** Each stream's frame rate written onto its frames (decode, draw, encode, chained after the metrics). */
    public static DataStream<Frame> withFpsOverlay(DataStream<Frame> frames, JpegSettings codec, int parallelism) {
        return frames.map(new FpsOverlay(codec)).setParallelism(parallelism).name("FPS overlay");
    }

    /** Every sink takes the whole stream in one instance (a recording and a preview must see every frame). */
    static void sinkToAll(DataStream<Frame> frames, List<Sink<Frame>> sinks) {
        for (Sink<Frame> sink : sinks) {
            frames.sinkTo(sink).setParallelism(1).name(sink.getClass().getSimpleName());
        }
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("videostream receiver " + describe(options.endpoints()));
    }
}
