package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.job.sinks.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * pystreaming's map-reduce, all three roles as Flink jobs over loopback ZeroMQ: the streamer serves
 * a track, a worker with two processing instances asks for it, the receiver collects and records.
 */
class MapReduceITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS, 6);

    @Test
    void twoWorkerInstancesShareATrackAndTheReceiverGetsEveryFrameOnceInOrder(@TempDir Path recording)
            throws Exception {
        String distributor = Ports.freeAddress();
        String collector = Ports.freeAddress();
        int frames = 60;
        JpegSettings codec = JpegSettings.DEFAULT;
        CollectingSink<Frame> received = new CollectingSink<>("map-reduce");

        var receiverOptions = new ReceiverJob.Options(List.of(ZmqEndpoint.bind(collector)), true, Duration.ofSeconds(3),
                recording, null, false, false, Long.MAX_VALUE, codec, 2, false);
        JobClient receiver = Jobs.start(env -> new ReceiverJob(receiverOptions, ReceiverJob.zeromqSource(receiverOptions),
                List.of(received, new RecordingSink(recording))).build(env));
        var streamerOptions = new StreamerJob.Options(ZmqEndpoint.bind(distributor), List.of("none"),
                new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.TEST_S, true, 60, frames), null, codec, 2);
        JobClient streamer = Jobs.start(env -> new StreamerJob(streamerOptions, StreamerJob.zeromqSink(streamerOptions))
                .build(env));
        var workerOptions = new WorkerJob.Options(List.of(ZmqEndpoint.connect(distributor)), ZmqSourcePattern.REQ, "none", 3,
                ZmqEndpoint.connect(collector), ZmqSinkPattern.PUSH, "edges", false, Long.MAX_VALUE, codec, 2, false);
        JobClient worker = Jobs.start(env -> new WorkerJob(workerOptions, WorkerJob.zeromqSource(workerOptions),
                WorkerJob.zeromqSink(workerOptions)).build(env));

        for (JobClient job : List.of(streamer, worker, receiver)) {
            job.getJobExecutionResult().get(120, TimeUnit.SECONDS); // each ends by itself at the end of stream
        }

        List<Frame> frameList = received.results();
        assertThat(frameList).extracting(Frame::fno)
                .containsExactlyElementsOf(LongStream.range(0, frames).boxed().toList());
        try (JpegCodec jpeg = JpegCodecs.create()) {
            Pixels first = jpeg.decode(frameList.get(0).jpeg());
            assertThat(List.of(first.width(), first.height())).containsExactly(640, 480);
        }
        for (Frame frame : frameList) {
            assertThat(Files.readAllBytes(RecordingSink.fileOf(recording, frame))).isEqualTo(frame.jpeg());
        }
        List<Long> perInstance = METRICS.findOperatorMetricGroups(worker.getJobID(), "process: edges").stream()
                .map(OperatorMetricGroup::getIOMetricGroup).map(io -> io.getNumRecordsInCounter().getCount()).toList();
        assertThat(perInstance).as("frames processed by each worker instance").hasSize(2).allMatch(n -> n > 0);
        assertThat(perInstance.stream().mapToLong(Long::longValue).sum()).isEqualTo(frames);
    }
}
