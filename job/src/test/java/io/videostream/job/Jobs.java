package io.videostream.job;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Starts jobs side by side in the test's MiniCluster, as users start the roles in several terminals. */
final class Jobs {
    /** Something that adds a job to an environment. */
    interface JobGraph {
        void addTo(StreamExecutionEnvironment env) throws Exception;
    }

    private Jobs() {}

    /** Submits the job and returns at once. */
    static JobClient start(JobGraph job) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job.addTo(env);
        return env.executeAsync();
    }
}
