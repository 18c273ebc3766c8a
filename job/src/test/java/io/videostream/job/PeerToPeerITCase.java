package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A live streamer publishing (PUB); workers and receivers that subscribe, bounded by {@code --frames}. */
class PeerToPeerITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS, 6);

    private final String published = Ports.freeAddress();
    private JobClient streamer;

    @BeforeEach
    void startALiveStreamer() throws Exception {
        var options = new StreamerJob.Options(ZmqEndpoint.bind(published), List.of(),
                new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.TEST_M, true, 60, Long.MAX_VALUE), null,
                JpegSettings.DEFAULT, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new StreamerJob(options, StreamerJob.zeromqSink(options)).build(env);
        streamer = env.executeAsync("live streamer");
    }

    @AfterEach
    void stopTheStreamer() throws Exception {
        streamer.cancel().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aReceiverWithFramesEndsByItselfAfterThatManyFrames() throws Exception {
        CollectingSink<Frame> received = new CollectingSink<>("receiver-frames");
        var options = new ReceiverJob.Options(List.of(ZmqEndpoint.connect(published)), false, Duration.ofMillis(300),
                null, null, false, false, 15, JpegSettings.DEFAULT, 2, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new ReceiverJob(options, ReceiverJob.zeromqSource(options), List.of(received)).execute(env);

        assertThat(received.results()).extracting(Frame::fno)
                .as("15 frames of the live stream from where the receiver joined, in order")
                .hasSize(15).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aReceiverOfTwoPublishersKeepsTwoStreamsEachInOrder() throws Exception {
        String second = Ports.freeAddress();
        var options = new StreamerJob.Options(ZmqEndpoint.bind(second), List.of(),
                new TestCardStream.Options(Frame.DEFAULT_STREAM, TestCard.TEST_S, false, 60, Long.MAX_VALUE), null,
                JpegSettings.DEFAULT, 1);
        StreamExecutionEnvironment streamerEnv = StreamExecutionEnvironment.getExecutionEnvironment();
        new StreamerJob(options, StreamerJob.zeromqSink(options)).build(streamerEnv);
        JobClient secondStreamer = streamerEnv.executeAsync("second live streamer");
        try {
            CollectingSink<Frame> received = new CollectingSink<>("two-streams");
            var receiverOptions = new ReceiverJob.Options(List.of(ZmqEndpoint.connect(published),
                    ZmqEndpoint.connect(second)), false, Duration.ofMillis(300), null, null, false, false, 10,
                    JpegSettings.DEFAULT, 2, false);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            new ReceiverJob(receiverOptions, ReceiverJob.zeromqSource(receiverOptions), List.of(received)).execute(env);

            for (String stream : List.of(published, second)) {
                assertThat(received.results()).filteredOn(frame -> frame.stream().equals(stream))
                        .extracting(Frame::fno).as("stream %s: named after its endpoint, 10 frames in order", stream)
                        .hasSize(10).isSorted().doesNotHaveDuplicates();
            }
        } finally {
            secondStreamer.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSubscribingResultOnlyWorkerWithFramesEndsAndItsEndOfStreamEndsTheCollectingReceiver() throws Exception {
        String collector = Ports.freeAddress();
        CollectingSink<Frame> received = new CollectingSink<>("worker-frames");
        // Two worker instances take turns: a buffer long enough for a slow first frame (JIT) keeps them all.
        var receiverOptions = new ReceiverJob.Options(List.of(ZmqEndpoint.bind(collector)), true,
                Duration.ofSeconds(3), null, null, false, false, Long.MAX_VALUE, JpegSettings.DEFAULT, 2, false);
        StreamExecutionEnvironment receiverEnv = StreamExecutionEnvironment.getExecutionEnvironment();
        new ReceiverJob(receiverOptions, ReceiverJob.zeromqSource(receiverOptions), List.of(received)).build(receiverEnv);
        JobClient receiver = receiverEnv.executeAsync("collecting receiver");

        var workerOptions = new WorkerJob.Options(List.of(ZmqEndpoint.connect(published)), ZmqSourcePattern.SUB, "none", 3,
                ZmqEndpoint.connect(collector), ZmqSinkPattern.PUSH, "qr", true, 20, JpegSettings.DEFAULT, 2, false);
        StreamExecutionEnvironment workerEnv = StreamExecutionEnvironment.getExecutionEnvironment();
        new WorkerJob(workerOptions, WorkerJob.zeromqSource(workerOptions), WorkerJob.zeromqSink(workerOptions))
                .execute(workerEnv);
        receiver.getJobExecutionResult().get(60, TimeUnit.SECONDS); // the worker's STOPSTREAM ended it

        // A publisher drops frames for a subscriber that falls behind (the worker, while it warms up).
        assertThat(received.results()).extracting(Frame::fno).as("the worker's 20 frames, in order")
                .hasSize(20).isSorted().doesNotHaveDuplicates();
        assertThat(received.results()).extracting(Frame::meta).as("result only: the qr processor's meta, pickled")
                .containsOnly(Map.of("qr", ""));
    }
}
