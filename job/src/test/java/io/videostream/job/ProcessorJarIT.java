package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.formats.FrameCollector;
import io.videostream.job.cli.Args;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;

/**
 * A processor of one's own (examples/processor, built against the installed artifacts) in a local
 * worker: its jar is not on the class path, the worker ships it with the job, and its meta reaches the
 * collector. ClusterIT runs the same on the standalone cluster.
 */
class ProcessorJarIT {
    static final String PROCESSOR = "com.example.processor.BrightShare";

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withSlots(4);

    @Test
    void aWorkerRunsAProcessorFromTheUsersOwnJar(@TempDir Path dir) throws Exception {
        Path jar = ExampleProjects.build("processor", dir.resolve("mvn.out")).resolve("processor.jar");
        assertThatThrownBy(() -> Class.forName(PROCESSOR)).as("the processor is not on the test's class path")
                .isInstanceOf(ClassNotFoundException.class);
        String camera = Ports.freeAddress();
        String collector = Ports.freeAddress();
        AtomicBoolean done = new AtomicBoolean();
        try (Peer<List<Frame>> collected = Peer.start(context -> FrameCollector.untilStopstream(
                context.createSocket(SocketType.PULL), collector, 60));
                Peer<Void> pusher = Peer.start(context -> ClusterIT.sendFrames(context.createSocket(SocketType.PUSH),
                        camera, done))) {
            WorkerJob.Options options = WorkerJob.Options.parse(new Args("--source", camera, "--source-pattern", "pull",
                    "--drain", collector, "--processor", "class:" + PROCESSOR, "--processor-jar", jar.toString(),
                    "--frames", "20"));
            Jobs.start(env -> new WorkerJob(options, WorkerJob.zeromqSource(options), WorkerJob.zeromqSink(options))
                    .build(env)).getJobExecutionResult().get(120, TimeUnit.SECONDS);
            assertBrightShares(collected.result(30), 20);
            done.set(true);
            pusher.result(10);
        }
    }

    @Test
    void aClassTheJarDoesNotHoldIsRefusedBeforeTheJobStarts(@TempDir Path dir) throws Exception {
        Path jar = ExampleProjects.build("processor", dir.resolve("mvn.out")).resolve("processor.jar");
        assertThatThrownBy(() -> WorkerJob.Options.parse(new Args("--source", Ports.freeAddress(), "--drain",
                Ports.freeAddress(), "--processor", "class:com.example.processor.Missing", "--processor-jar",
                jar.toString()))).hasMessageContaining("com.example.processor.Missing not found");
    }

    /** Each of the frames carries the example processor's meta: the share of bright pixels of a 640x480 card. */
    static void assertBrightShares(List<Frame> frames, int count) {
        assertThat(frames).hasSize(count);
        for (Frame frame : frames) {
            assertThat(frame.meta()).as("frame %d's meta", frame.fno()).isInstanceOf(Map.class);
            Map<?, ?> meta = (Map<?, ?>) frame.meta();
            assertThat(meta.get("pixels")).isEqualTo(640L * 480);
            assertThat((Double) meta.get("bright_share")).isStrictlyBetween(0.0, 1.0);
        }
    }
}
