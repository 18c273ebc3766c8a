package io.videostream.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Settings every video job shares. */
public final class FrameJobs {
    private FrameJobs() {}

    /**
     * Frames are large, few records (tens of kB, tens a second): a network buffer goes out with each
     * one rather than wait up to Flink's default 100 ms for more to fill it, and watermarks come every
     * 50 ms (not 200), so the re-order buffer lets frames go soon after {@code bufferlen}.
     */
    public static void configure(StreamExecutionEnvironment env) {
        env.setBufferTimeout(0);
        env.getConfig().setAutoWatermarkInterval(50);
    }

    /**
     * Ships a jar with the job ({@code pipeline.jars}, beside the job jar {@code flink run} ships): its
     * classes reach the TaskManagers in the job's class loader, locally as on a cluster.
     */
    public static void ship(StreamExecutionEnvironment env, Path jar) {
        List<String> jars = new ArrayList<>(env.getConfiguration().getOptional(PipelineOptions.JARS).orElse(List.of()));
        jars.add(jar.toUri().toString());
        Configuration shipped = new Configuration();
        shipped.set(PipelineOptions.JARS, jars);
        env.configure(shipped);
    }
}
