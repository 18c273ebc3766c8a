package io.videostream.job;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.job.cli.Args;
import io.videostream.job.sinks.FrameRateSink;
import io.videostream.job.sinks.PreviewSink;
import io.videostream.job.sinks.RecordingSink;
import io.videostream.job.sinks.WindowSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/**
 * Command line of the job jar: {@code <job> [--flag value ...]} with the jobs demo, streamer, worker
 * and receiver. Runs on the cluster it is submitted to ({@code flink run}), or in an embedded Flink
 * with its web UI when started by {@code bin/videostream} (system property {@code videostream.local}).
 * A bad argument ends the program with one line saying what is wrong and exit code 2.
 */
public final class VideoStream {
    private static final String USAGE = String.join("\n",
            "usage: videostream <demo|streamer|worker|receiver> [--flag value ...]   (--help after a job lists its flags)",
            "       videostream sql FILE",
            "       videostream keys DIR NAME",
            "  demo      a test card through a worker to a receiver in one job",
            "  streamer  test-card frames, JPEG-encoded, published (PUB) or served to workers (--mapreduce)",
            "  worker    frames from a streamer, decoded, processed, encoded, pushed to a receiver",
            "  receiver  frames from streamers or workers, re-ordered by capture time, measured, recorded",
            "  sql       a SQL script over pystreaming streams ('connector' = 'zeromq'), queries printed",
            "  keys      a new CURVE certificate pair: DIR/NAME.key (public, for the peers) and",
            "            DIR/NAME.key_secret (secret, for this side only), in ZeroMQ's format (pyzmq reads it)");

    /** A job ready to run, once its flags have been read. */
    private interface Launch {
        void run(StreamExecutionEnvironment env) throws Exception;
    }

    private static final int LAST_WEB_PORT = 8089;

    private VideoStream() {}

    public static void main(String[] args) throws Exception {
        int exitCode = run(args);
        // Run by bin/videostream, the program ends with its job: the embedded cluster's RPC threads
        // (not daemons) outlived a finished worker's job for minutes once (seen 2026-11-28). Under
        // `flink run`, main may run in the JobManager (application mode): it returns there instead.
        if (exitCode != 0 || Boolean.getBoolean("videostream.local")) {
            System.exit(exitCode);
        }
    }

    /** Reads the arguments and runs the job; returns the exit code (2: bad arguments). */
    static int run(String[] args) throws Exception {
        String job = args.length == 0 ? "" : args[0];
        if (job.equals("keys")) {
            return keys(Arrays.copyOfRange(args, 1, args.length));
        }
        String usage = usage(job);
        if (usage == null) {
            System.err.println(USAGE);
            return job.equals("--help") ? 0 : 2;
        }
        // sql takes its file before the flags
        String script = job.equals("sql") && args.length > 1 && !args[1].startsWith("-") ? args[1] : null;
        Launch launch;
        try {
            Args flags = new Args(Arrays.copyOfRange(args, script == null ? 1 : 2, args.length));
            if (flags.help()) {
                System.out.println(usage);
                return 0;
            }
            launch = parse(job, script, flags);
            flags.checkAllUsed();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("videostream " + job + ": " + e.getMessage());
            return 2;
        }
        try {
            runWhereAsked(launch);
        } catch (Exception e) {
            if (ExceptionUtils.findThrowable(e, JobCancellationException.class).isEmpty()) {
                throw e;
            }
            System.out.println("videostream " + job + ": stopped");
        }
        return 0;
    }

    /** {@code keys DIR NAME}: writes a new CURVE certificate pair; returns the exit code. */
    private static int keys(String[] args) {
        if (args.length != 2 || args[0].startsWith("--")) {
            System.err.println("usage: videostream keys DIR NAME   (writes DIR/NAME.key and DIR/NAME.key_secret)");
            return args.length == 1 && args[0].equals("--help") ? 0 : 2;
        }
        try {
            for (Path file : CurveCertificate.generate().write(Path.of(args[0]), args[1])) {
                System.out.println(file);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("videostream keys: cannot write the certificate: " + e.getMessage());
            return 1;
        }
    }

    private static String usage(String job) {
        switch (job) {
            case "demo":
                return DemoJob.USAGE.text();
            case "streamer":
                return StreamerJob.USAGE.text();
            case "worker":
                return WorkerJob.USAGE.text();
            case "receiver":
                return ReceiverJob.USAGE.text();
            case "sql":
                return SqlScript.USAGE.text();
            default:
                return null;
        }
    }

    /**
     * Reads the job's flags and builds its sources and sinks, so that what does not fit (a missing
     * certificate, CURVE without libzmq) ends the program with one line before anything starts.
     */
    private static Launch parse(String job, String script, Args flags) {
        switch (job) {
            case "sql": {
                SqlScript.Options options = SqlScript.Options.parse(script, flags);
                return env -> new SqlScript(options).run(env, System.out);
            }
            case "demo": {
                DemoJob.Options options = DemoJob.Options.parse(flags);
                return env -> new DemoJob(options,
                        outputs(env, "demo", null, options.preview(), options.window(), options.codec())).execute(env);
            }
            case "streamer": {
                StreamerJob.Options options = StreamerJob.Options.parse(flags);
                Sink<Frame> sink = StreamerJob.zeromqSink(options);
                return env -> new StreamerJob(options, sink).execute(env);
            }
            case "worker": {
                WorkerJob.Options options = WorkerJob.Options.parse(flags);
                Source<Frame, ?, ?> source = WorkerJob.zeromqSource(options);
                Sink<Frame> sink = WorkerJob.zeromqSink(options);
                return env -> new WorkerJob(options, source, sink).execute(env);
            }
            default: {
                ReceiverJob.Options options = ReceiverJob.Options.parse(flags);
                Source<Frame, ?, ?> source = ReceiverJob.zeromqSource(options);
                return env -> new ReceiverJob(options, source,
                        outputs(env, "receiver", options.record(), options.preview(), options.window(),
                                options.codec())).execute(env);
            }
        }
    }

    /** The received frames go to the console, and to a recording, the live preview and a window when asked. */
    private static List<Sink<Frame>> outputs(StreamExecutionEnvironment env, String label, Path record,
            InetSocketAddress preview, boolean window, JpegSettings codec) {
        List<Sink<Frame>> sinks = new ArrayList<>();
        sinks.add(new FrameRateSink(label));
        if (record != null) {
            sinks.add(new RecordingSink(record));
        }
        ReadableConfig conf = env.getConfiguration();
        String restUrl = "http://" + conf.getOptional(RestOptions.ADDRESS).orElse("localhost") + ":"
                + conf.get(RestOptions.PORT);
        if (preview != null) {
            sinks.add(new PreviewSink(preview, restUrl));
        }
        if (window) {
            sinks.add(new WindowSink("videostream " + label, restUrl, codec));
        }
        return sinks;
    }

    /**
     * On the cluster {@code flink run} points at, or with {@code -Dvideostream.local=true} in an
     * embedded Flink whose web UI takes 8081 or the next free port up to 8089, so that several local
     * jobs (streamer, worker, receiver) run side by side. Two started at once may both find a port
     * free: the one that loses it takes the next.
     */
    private static void runWhereAsked(Launch launch) throws Exception {
        if (!Boolean.getBoolean("videostream.local")) {
            launch.run(StreamExecutionEnvironment.getExecutionEnvironment());
            return;
        }
        for (int port = 8081; port <= LAST_WEB_PORT; port++) {
            if (!isFree(port)) {
                continue;
            }
            try {
                launch.run(localEnvironment(port));
                return;
            } catch (Exception e) {
                if (ExceptionUtils.findThrowableWithMessage(e, "Could not start rest endpoint").isEmpty()) {
                    throw e;
                }
                System.out.println("Flink web UI: port " + port + " was taken meanwhile; trying the next one");
            }
        }
        throw new IOException("no free port for the web UI between 8081 and " + LAST_WEB_PORT);
    }

    private static StreamExecutionEnvironment localEnvironment(int webPort) {
        System.out.println("Flink web UI: http://localhost:" + webPort);
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(localConfiguration(webPort));
    }

    /**
     * The embedded Flink of a local run: every port it opens (web UI and REST API, blob server, RPC,
     * data exchange, metrics query service) on loopback only; the REST API takes no jar uploads
     * (the job runs in this process, nothing is submitted) and answers browsers from the web UI's
     * own origin only, so a page on another site cannot read it nor cancel a job through it.
     */
    static Configuration localConfiguration(int webPort) {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, webPort);
        conf.set(JobManagerOptions.BIND_HOST, "localhost");
        conf.set(JobManagerOptions.ADDRESS, "localhost");
        conf.set(TaskManagerOptions.BIND_HOST, "localhost");
        conf.set(TaskManagerOptions.HOST, "localhost");
        conf.set(WebOptions.SUBMIT_ENABLE, false);
        conf.set(WebOptions.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:" + webPort);
        return conf;
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
