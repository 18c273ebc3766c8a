package io.videostream.connector.zeromq;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** What the connector's ITCases share: a MiniCluster reporting to a reporter of the test class's own. */
public final class TestCluster {
    private TestCluster() {}

    /** A MiniCluster (1 TaskManager, 2 slots) whose metrics go to {@code metrics}. */
    public static MiniClusterExtension withMetrics(InMemoryReporter metrics) {
        return withMetrics(metrics, 2);
    }

    /** A MiniCluster with 1 TaskManager of {@code slots} slots. */
    public static MiniClusterExtension withSlots(int slots) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .build());
    }

    /** A MiniCluster with 1 TaskManager of {@code slots} slots whose metrics go to {@code metrics}. */
    public static MiniClusterExtension withMetrics(InMemoryReporter metrics, int slots) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .setConfiguration(metrics.addToConfiguration(new Configuration()))
                .build());
    }

    /** The sum of a counter over all subtasks of a job. */
    public static long counter(InMemoryReporter metrics, JobID job, String name) {
        return metrics.findMetrics(job, name).values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    /** A job configuration that restarts a failed job {@code attempts} times, {@code delay} apart. */
    public static Configuration restarting(int attempts, Duration delay) {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, delay);
        return config;
    }

    /** How often Flink has restarted the job (its {@code numRestarts} gauge). */
    public static long restarts(InMemoryReporter metrics, JobID job) {
        return metrics.findMetrics(job, "numRestarts").values().stream()
                .mapToLong(m -> ((Number) ((Gauge<?>) m).getValue()).longValue()).max().orElse(0);
    }

    /** m0, m1, ..., m[count-1]. */
    public static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> "m" + i).toList();
    }
}
