package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.job.cli.Args;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** Where a worker's frames go between its source and its processing, as its job graph says. */
class WorkerJobTest {
    private static List<JobVertex> vertices(String... flags) {
        WorkerJob.Options options = WorkerJob.Options.parse(new Args(flags));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new WorkerJob(options, WorkerJob.zeromqSource(options), WorkerJob.zeromqSink(options)).build(env);
        List<JobVertex> vertices = new ArrayList<>();
        env.getStreamGraph().getJobGraph().getVertices().forEach(vertices::add);
        return vertices;
    }

    private static JobVertex source(List<JobVertex> vertices) {
        return vertices.stream().filter(v -> v.getName().startsWith("Source")).findFirst().orElseThrow();
    }

    @Test
    void aWorkerThatAsksADistributorHasAReaderPerInstanceChainedToItsProcessing() {
        List<JobVertex> vertices = vertices("--source", "tcp://127.0.0.1:5555", "--drain", "tcp://127.0.0.1:5556",
                "--parallelism", "4");
        JobVertex source = source(vertices);
        assertThat(source.getParallelism()).as("four readers share the one distributor").isEqualTo(4);
        assertThat(source.getName()).as("no frame handed on to another instance").contains("decode", "encode");
    }

    @Test
    void aWorkerOfASubscriptionOrOfABoundedRunSpreadsItsReadersFramesOverTheInstances() {
        for (List<JobVertex> vertices : List.of(
                vertices("--source", "tcp://127.0.0.1:5555", "--drain", "tcp://127.0.0.1:5556", "--parallelism", "4",
                        "--source-pattern", "sub"),
                vertices("--source", "tcp://127.0.0.1:5555", "--drain", "tcp://127.0.0.1:5556", "--parallelism", "4",
                        "--frames", "100"))) {
            JobVertex source = source(vertices);
            assertThat(source.getParallelism()).as("one reader for the one endpoint").isEqualTo(1);
            assertThat(source.getName()).doesNotContain("decode");
            assertThat(vertices).anyMatch(v -> v.getName().contains("decode") && v.getParallelism() == 4);
        }
    }
}
