package io.videostream.connector.zeromq;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
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

    /** m0, m1, ..., m[count-1]. */
    public static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> "m" + i).toList();
    }
}
