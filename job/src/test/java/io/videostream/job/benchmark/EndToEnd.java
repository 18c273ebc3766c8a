package io.videostream.job.benchmark;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.job.FrameJobs;
import io.videostream.job.ReceiverJob;
import io.videostream.job.StreamerJob;
import io.videostream.job.TestCardStream;
import io.videostream.job.WorkerJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.util.MiniClusterWithClientResource;

/**
 * The whole chain as three Flink jobs in one MiniCluster, over loopback ZeroMQ: streamer (test card,
 * encode, REP distributor) -> worker (REQ, decode -> identity -> encode, PUSH) -> receiver (PULL; timed
 * as frames arrive, before its re-order buffer, which adds up to bufferlen). For each card size:
 * frames per second when the streamer is not paced (every frame must arrive: zero loss), and latency
 * (arrival - capture) p50/p99/max at 30 fps; the ceiling is the codec's own work per frame (encode,
 * decode, encode) on the same cores, measured in the same run. {@link PlainChain}, the same chain
 * without Flink, is measured the same way: the pipeline's share of it is what Flink costs. The JVM
 * first runs the pipeline for a minute, untimed, and each unpaced run is measured after 15 s (or
 * {@code -Dbenchmark.warm-up=SECONDS}) of the same runs, not timed: the JIT warmed up, as in a stream
 * that runs for minutes. The unpaced runs go in two
 * rounds, the plain chain and then each wire, then the same reversed, and each one's throughput is
 * the mean of its two: the machine's drift falls on both sides of the ratio alike. The receiver and
 * the worker start first and the streamer once they run, as a camera joins running services; the
 * report gives the first frames' latencies (they wait for the worker's connection) apart from the
 * longest after the first second.
 *
 * <p>The pipeline runs on each wire asked for, measured the same way in the same run: jeromq or
 * libzmq in plaintext, or CURVE (libzmq, every connection encrypted and authenticated, as
 * {@code --curve-cert} sets it up); the ratio of each to the first is printed. With several wires each
 * runs once, untimed, before the rounds: a wire measured first was up to 15% slower than the same wire
 * measured later.
 *
 * <p>Arguments: [frames for the throughput run (default 3000)] [seconds at 30 fps (default 10)]
 * [cards, comma-separated (default IMAG_S,IMAG_M,IMAG_L)] [wires, comma-separated: jeromq, libzmq,
 * curve (default jeromq)].
 */
public final class EndToEnd {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** How long the pipeline runs, untimed, before the first measurement. */
    private static final Duration JVM_WARM_UP = Duration.ofSeconds(60);
    /** Before each unpaced run; set by {@code -Dbenchmark.warm-up=SECONDS}, 15 s by default. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warm-up", 15));
    private static final ConcurrentLinkedQueue<long[]> ARRIVALS = new ConcurrentLinkedQueue<>();

    private EndToEnd() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<TestCard> cards = Arrays.stream((args.length > 2 ? args[2] : "IMAG_S,IMAG_M,IMAG_L").split(","))
                .map(TestCard::parse).toList();
        List<Wire> wires = Arrays.stream((args.length > 3 ? args[3] : "jeromq").split(",")).map(Wire::parse).toList();
        MiniClusterWithClientResource flink = new MiniClusterWithClientResource(
                new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(8)
                        .build());
        flink.before();
        try {
            System.out.printf(Locale.ROOT, "%d cores; streamer and worker at parallelism %d; %d frames unpaced (the JVM warmed up for %d s, each run for %d s), %d s at 30 fps%n",
                    CORES, CORES, frames, JVM_WARM_UP.toSeconds(), WARM_UP.toSeconds(), seconds);
            // The JIT compiles Flink's paths and ours once per JVM: after 15 s of the first card's runs
            // it still took 15-21% of the CPU.
            runFor(JVM_WARM_UP, () -> pipeline(cards.get(0), 100_000, frames, wires.get(0)));
            System.out.printf(Locale.ROOT, "%-14s %10s %12s %12s %7s %7s %6s %14s %14s %14s%n", "card", "ceiling", "plain",
                    "pipeline", "ratio", "/plain", "lost", "latency p50", "latency p99", "latency max");
            for (TestCard card : cards) {
                // The machine's speed drifts (the ceiling moved by +-10% between runs): the ceiling is
                // taken before, between and after the unpaced runs, and averaged; the plain chain and
                // each wire run in two rounds, in the order plain, wires and then reversed, averaged.
                double ceilingBefore = codecCeiling(card, 3);
                List<Callable<Unpaced>> chains = new ArrayList<>();
                chains.add(() -> new Unpaced(PlainChain.framesPerSecond(card, CORES, frames), 0));
                for (Wire wire : wires) {
                    chains.add(() -> {
                        Run run = pipeline(card, 100_000, frames, wire);
                        return new Unpaced(run.framesPerSecond(), run.lost());
                    });
                }
                if (wires.size() > 1) {
                    for (Wire wire : wires) {
                        pipeline(card, 100_000, frames, wire);
                    }
                }
                double[][] rounds = new double[chains.size()][2];
                int[] lost = new int[chains.size()];
                double ceilingBetween = 0;
                for (int round = 0; round < 2; round++) {
                    for (int k = 0; k < chains.size(); k++) {
                        int i = round == 0 ? k : chains.size() - 1 - k;
                        Unpaced run = afterWarmUp(chains.get(i));
                        rounds[i][round] = run.framesPerSecond();
                        lost[i] += run.lost();
                    }
                    if (round == 0) {
                        ceilingBetween = codecCeiling(card, 3);
                    }
                }
                double ceiling = (ceilingBefore + ceilingBetween + codecCeiling(card, 3)) / 3;
                double[] fps = Arrays.stream(rounds).mapToDouble(runs -> Arrays.stream(runs).average().orElseThrow())
                        .toArray();
                for (int i = 0; i < wires.size(); i++) {
                    Run live = pipeline(card, 30, 30 * seconds, wires.get(i));
                    report(card + (wires.size() > 1 ? "+" + wires.get(i).name() : ""), ceiling, fps[0], fps[i + 1],
                            lost[i + 1], live);
                }
                System.out.printf(Locale.ROOT, "  %s unpaced, two rounds (f/s): plain %s; %s%n", card,
                        rounded(rounds[0]), IntStream.range(0, wires.size()).mapToObj(i -> wires.get(i).name() + " "
                                + rounded(rounds[i + 1])).collect(Collectors.joining("; ")));
                for (int i = 1; i < wires.size(); i++) {
                    System.out.printf(Locale.ROOT, "%s: %s / %s pipeline %.2f%n", card, wires.get(i).name(),
                            wires.get(0).name(), fps[i + 1] / fps[1]);
                }
            }
        } finally {
            flink.after();
        }
    }

    private static String rounded(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v))
                .collect(Collectors.joining(", "));
    }

    private static void report(String what, double ceiling, double plain, double fps, int lostUnpaced, Run live) {
        System.out.printf(Locale.ROOT, "%-14s %6.1f f/s %8.1f f/s %8.1f f/s %7.2f %7.2f %6d %11.1f ms %11.1f ms %11.1f ms%n",
                what, ceiling, plain, fps, fps / ceiling, fps / plain, lostUnpaced + live.lost(),
                live.latencyPercentile(50), live.latencyPercentile(99), live.latencyPercentile(100));
        System.out.println("  slowest frames (seconds into the run: latency): " + live.slowest(5));
        System.out.printf(Locale.ROOT, "  the first frames: %s; the longest after the first second: %.1f ms%n",
                live.first(5), live.longestAfter(1));
    }

    /**
     * The jobs' sockets: {@code jeromq} and {@code libzmq} in plaintext, or {@code curve} (libzmq, the
     * streamer and the receiver binding and letting the worker in, the worker trusting both).
     */
    record Wire(String name, ZmqTransport transport, ZmqCurve streamer, ZmqCurve workerSource, ZmqCurve workerDrain,
            ZmqCurve receiver) {
        static Wire parse(String name) {
            switch (name) {
                case "jeromq":
                    return new Wire(name, ZmqTransport.JEROMQ, null, null, null, null);
                case "libzmq":
                    return new Wire(name, ZmqTransport.LIBZMQ, null, null, null, null);
                case "curve":
                    CurveCertificate streamer = CurveCertificate.generate();
                    CurveCertificate worker = CurveCertificate.generate();
                    CurveCertificate receiver = CurveCertificate.generate();
                    ZmqCurve ownWorker = ZmqCurve.withCertificate(worker);
                    return new Wire(name, ZmqTransport.LIBZMQ, ZmqCurve.withCertificate(streamer).allowClients(
                            List.of(worker)), ownWorker.trustServer(streamer), ownWorker.trustServer(receiver),
                            ZmqCurve.withCertificate(receiver).allowClients(List.of(worker)));
                default:
                    throw new IllegalArgumentException("a wire is jeromq, libzmq or curve, not " + name);
            }
        }
    }

    /**
     * The result of {@code run} after it ran, untimed, for {@link #WARM_UP}: the JIT compiles Flink's
     * paths and ours late on two cores busy with the codec.
     */
    static <T> T afterWarmUp(Callable<T> run) throws Exception {
        runFor(WARM_UP, run);
        return run.call();
    }

    /** Calls {@code run} over and over, untimed, for at least {@code duration}. */
    private static void runFor(Duration duration, Callable<?> run) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        do {
            run.call();
        } while (System.nanoTime() < end);
    }

    /** Frames per second of the chain's codec work (encode, decode, encode) in one thread per core. */
    static double codecCeiling(TestCard card, int seconds) throws Exception {
        Pixels image = TestCards.frame(card, false, 0);
        List<Thread> threads = new ArrayList<>();
        long[] done = new long[CORES];
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < CORES; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                try (JpegCodec codec = JpegCodecs.create()) {
                    while (System.nanoTime() < end) {
                        codec.encode(codec.decode(codec.encode(image)));
                        done[index]++;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Arrays.stream(done).sum() / (double) seconds;
    }

    /** An unpaced run: frames per second at the receiver, and frames that did not arrive. */
    record Unpaced(double framesPerSecond, int lost) {}

    /** What the receiver saw in one run. */
    record Run(int sent, List<long[]> arrivals) {
        int lost() {
            return sent - arrivals.size();
        }

        double framesPerSecond() {
            long first = arrivals.stream().mapToLong(a -> a[0]).min().orElse(0);
            long last = arrivals.stream().mapToLong(a -> a[0]).max().orElse(0);
            return (arrivals.size() - 1) / ((last - first) / 1e9);
        }

        /** The {@code n} slowest frames: when they arrived (s after the first) and their latency (ms). */
        String slowest(int n) {
            long first = arrivals.stream().mapToLong(a -> a[0]).min().orElse(0);
            return arrivals.stream().sorted((a, b) -> Long.compare(b[1], a[1])).limit(n)
                    .map(a -> String.format(Locale.ROOT, "%.1f s: %.1f ms", (a[0] - first) / 1e9, a[1] / 1000.0))
                    .collect(Collectors.joining(", "));
        }

        /** The latencies (ms) of the {@code n} frames that arrived first. */
        String first(int n) {
            return arrivals.stream().sorted((a, b) -> Long.compare(a[0], b[0])).limit(n)
                    .map(a -> String.format(Locale.ROOT, "%.1f ms", a[1] / 1000.0))
                    .collect(Collectors.joining(", "));
        }

        /** The longest latency (ms) of the frames that arrived more than {@code seconds} after the first. */
        double longestAfter(int seconds) {
            long from = arrivals.stream().mapToLong(a -> a[0]).min().orElse(0) + seconds * 1_000_000_000L;
            return arrivals.stream().filter(a -> a[0] > from).mapToLong(a -> a[1]).max().orElse(0) / 1000.0;
        }

        /** The latency (ms) that {@code percent} of the frames did not exceed; 100: the longest. */
        double latencyPercentile(int percent) {
            long[] latencies = arrivals.stream().mapToLong(a -> a[1]).sorted().toArray();
            return latencies[Math.min(latencies.length - 1, latencies.length * percent / 100)] / 1000.0;
        }
    }

    static Run pipeline(TestCard card, double fps, int frames, Wire wire) throws Exception {
        ARRIVALS.clear();
        String distributor = Ports.freeAddress();
        String collector = Ports.freeAddress();
        JpegSettings codec = JpegSettings.DEFAULT;
        var receiver = new ReceiverJob.Options(List.of(ZmqEndpoint.bind(collector)), true, Duration.ZERO, null, null,
                false, false, Long.MAX_VALUE, codec, 1, false).withSockets(wire.receiver(), wire.transport());
        // The receiver as it takes frames in, before its re-order buffer (which adds up to bufferlen).
        var streamer = new StreamerJob.Options(ZmqEndpoint.bind(distributor), List.of("none"),
                new TestCardStream.Options(Frame.DEFAULT_STREAM, card, false, fps, frames), null, codec, CORES)
                .withSockets(wire.streamer(), wire.transport());
        var worker = new WorkerJob.Options(List.of(ZmqEndpoint.connect(distributor)), ZmqSourcePattern.REQ, "none",
                Integer.parseInt(WorkerJob.REQTHREAD.defaultValue()),
                ZmqEndpoint.connect(collector), ZmqSinkPattern.PUSH, "identity", false, Long.MAX_VALUE, codec,
                CORES, false).withSockets(wire.workerSource(), wire.workerDrain(), wire.transport());
        List<JobClient> jobs = new ArrayList<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FrameJobs.configure(env);
        env.fromSource(ReceiverJob.zeromqSource(receiver), WatermarkStrategy.noWatermarks(), "frames")
                .setParallelism(1).sinkTo(new TimingSink()).setParallelism(1);
        jobs.add(env.executeAsync("receiver"));
        env = StreamExecutionEnvironment.getExecutionEnvironment();
        new WorkerJob(worker, WorkerJob.zeromqSource(worker), WorkerJob.zeromqSink(worker)).build(env);
        jobs.add(env.executeAsync("worker"));
        // The camera comes to running services: the streamer starts once the others run.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (JobClient job : jobs) {
            while (job.getJobStatus().get() != JobStatus.RUNNING) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the receiver and the worker did not start within a minute");
                }
                Thread.sleep(10);
            }
        }
        env = StreamExecutionEnvironment.getExecutionEnvironment();
        new StreamerJob(streamer, StreamerJob.zeromqSink(streamer)).build(env);
        jobs.add(env.executeAsync("streamer"));
        for (JobClient job : jobs) {
            job.getJobExecutionResult().get(10, TimeUnit.MINUTES);
        }
        return new Run(frames, new ArrayList<>(ARRIVALS));
    }

    /** Notes when each frame arrived and how long after its capture (microseconds). */
    private static final class TimingSink implements Sink<Frame> {
        @Override
        public SinkWriter<Frame> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Frame frame, Context context) {
                    long latencyMicros = Math.round((System.currentTimeMillis() / 1000.0 - frame.ftime()) * 1e6);
                    ARRIVALS.add(new long[] {System.nanoTime(), latencyMicros});
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
