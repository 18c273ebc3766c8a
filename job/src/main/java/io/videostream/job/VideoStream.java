package io.videostream.job;

import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.job.sinks.FrameRateSink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * Command line of the job jar: {@code <job> [--flag value ...]}. Runs on the cluster it is submitted
 * to ({@code flink run}), or in an embedded Flink with its web UI when started by
 * {@code bin/videostream} (system property {@code videostream.local}).
 */
public final class VideoStream {
    private static final String USAGE = String.join("\n",
            "usage: videostream demo [--card IMAG_S] [--animated true] [--fps 30] [--frames N] [--quality 50] [--parallelism 2]",
            "  demo   streams a test card through JPEG encode and decode and prints frames per second",
            "  --card       TEST_S|TEST_M|TEST_L (colour bars) or IMAG_S|IMAG_M|IMAG_L (image), 640x480 / 1280x720 / 1920x1080",
            "  --animated   rotate the card 3 degrees a frame (default true)",
            "  --fps        frames per second to produce (default 30)",
            "  --frames     stop after N frames (default: run until cancelled)",
            "  --quality    JPEG quality 1-100 (default 50, as pystreaming)",
            "  --parallelism  parallel encoders and decoders (default 2)");

    private VideoStream() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("demo")) {
            System.err.println(USAGE);
            System.exit(args.length == 1 && args[0].equals("--help") ? 0 : 2);
        }
        ParameterTool params = ParameterTool.fromArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
        if (params.has("help")) {
            System.out.println(USAGE);
            return;
        }
        CodecDemoJob.Options options;
        int parallelism;
        try {
            Configuration codec = new Configuration();
            int quality = params.getInt("quality", JpegCodecs.QUALITY.defaultValue());
            if (quality < 1 || quality > 100) {
                throw new IllegalArgumentException("--quality must be 1-100, not " + quality);
            }
            codec.set(JpegCodecs.QUALITY, quality);
            options = new CodecDemoJob.Options(
                    TestCard.parse(params.get("card", "IMAG_S")),
                    params.getBoolean("animated", true),
                    params.getDouble("fps", 30),
                    params.getLong("frames", Long.MAX_VALUE),
                    codec);
            parallelism = params.getInt("parallelism", 2);
        } catch (IllegalArgumentException e) {
            System.err.println("videostream: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = environment();
        env.setParallelism(parallelism);
        new CodecDemoJob(options, new FrameRateSink("demo")).execute(env);
    }

    private static StreamExecutionEnvironment environment() {
        if (!Boolean.getBoolean("videostream.local")) {
            return StreamExecutionEnvironment.getExecutionEnvironment();
        }
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, 8081);
        System.out.println("Flink web UI: http://localhost:8081");
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    }
}
