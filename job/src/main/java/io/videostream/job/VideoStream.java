package io.videostream.job;

import io.videostream.job.cli.Args;
import io.videostream.job.sinks.FrameRateSink;
import java.util.Arrays;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Command line of the job jar: {@code <job> [--flag value ...]} with the jobs demo, streamer, worker
 * and receiver. Runs on the cluster it is submitted to ({@code flink run}), or in an embedded Flink
 * with its web UI when started by {@code bin/videostream} (system property {@code videostream.local}).
 * A bad argument ends the program with one line saying what is wrong and exit code 2.
 */
public final class VideoStream {
    private static final String USAGE = String.join("\n",
            "usage: videostream <demo|streamer|worker|receiver> [--flag value ...]   (--help after a job lists its flags)",
            "  demo      a test card through a worker to a receiver in one job",
            "  streamer  test-card frames, JPEG-encoded, published (PUB) or served to workers (--mapreduce)",
            "  worker    frames from a streamer, decoded, processed, encoded, pushed to a receiver",
            "  receiver  frames from streamers or workers, re-ordered by capture time, measured, recorded");

    /** A job ready to run, once its flags have been read. */
    private interface Launch {
        void run(StreamExecutionEnvironment env) throws Exception;
    }

    private VideoStream() {}

    public static void main(String[] args) throws Exception {
        int exitCode = run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Reads the arguments and runs the job; returns the exit code (2: bad arguments). */
    static int run(String[] args) throws Exception {
        String job = args.length == 0 ? "" : args[0];
        String usage = usage(job);
        if (usage == null) {
            System.err.println(USAGE);
            return job.equals("--help") ? 0 : 2;
        }
        Launch launch;
        try {
            Args flags = new Args(Arrays.copyOfRange(args, 1, args.length));
            if (flags.help()) {
                System.out.println(usage);
                return 0;
            }
            launch = parse(job, flags);
            flags.checkAllUsed();
        } catch (IllegalArgumentException e) {
            System.err.println("videostream " + job + ": " + e.getMessage());
            return 2;
        }
        launch.run(environment());
        return 0;
    }

    private static String usage(String job) {
        switch (job) {
            case "demo":
                return DemoJob.USAGE;
            case "streamer":
                return StreamerJob.USAGE;
            case "worker":
                return WorkerJob.USAGE;
            case "receiver":
                return ReceiverJob.USAGE;
            default:
                return null;
        }
    }

    private static Launch parse(String job, Args flags) {
        switch (job) {
            case "demo": {
                DemoJob.Options options = DemoJob.Options.parse(flags);
                return env -> new DemoJob(options, new FrameRateSink("demo")).execute(env);
            }
            case "streamer": {
                StreamerJob.Options options = StreamerJob.Options.parse(flags);
                return env -> new StreamerJob(options, StreamerJob.zeromqSink(options)).execute(env);
            }
            case "worker": {
                WorkerJob.Options options = WorkerJob.Options.parse(flags);
                return env -> new WorkerJob(options, WorkerJob.zeromqSource(options), WorkerJob.zeromqSink(options))
                        .execute(env);
            }
            default: {
                ReceiverJob.Options options = ReceiverJob.Options.parse(flags);
                return env -> new ReceiverJob(options, ReceiverJob.zeromqSource(options), new FrameRateSink("receiver"))
                        .execute(env);
            }
        }
    }

    private static StreamExecutionEnvironment environment() {
        if (!Boolean.getBoolean("videostream.local")) {
            return StreamExecutionEnvironment.getExecutionEnvironment();
        }
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.BIND_PORT, "8081-8099"); // several local jobs (streamer, worker, receiver) side by side
        System.out.println("Flink web UI: http://localhost:8081 (the next free port up to 8099 when that is taken)");
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    }
}
