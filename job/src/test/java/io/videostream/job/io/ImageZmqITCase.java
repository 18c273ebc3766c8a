package io.videostream.job.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.formats.FrameCollector;
import io.videostream.job.ReceiverJob;
import io.videostream.job.WorkerJob;
import io.videostream.job.cli.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;

/**
 * imagezmq senders (pyzmq peers that speak imagezmq's format) to the jobs: a receiver as their hub,
 * answering each image once taken, and a worker subscribed to a sender that publishes.
 */
class ImageZmqITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withSlots(4);

    @TempDir
    Path dir;

    @Test
    void aReceiverIsTheHubOfTwoSendersAndSeparatesTheirStreams() throws Exception {
        String hub = Ports.freeAddress();
        CollectingSink<Frame> received = new CollectingSink<>("imagezmq-hub");
        var options = ReceiverJob.Options.parse(new Args("--format", "imagezmq", "--endpoint", hub, "--bufferlen", "0.2"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new ReceiverJob(options, ReceiverJob.zeromqSource(options), List.of(received)).build(env);
        JobClient receiver = env.executeAsync();
        try (PythonPeer senders = PythonPeer.imagezmq(dir, "senders", hub, "5", PythonPeer.JPEG)) {
            JsonNode got = senders.result(60);
            assertThat(got.get("replies")).as("every image answered, as imagezmq's ImageHub does").hasSize(10)
                    .allMatch(reply -> reply.asText().equals("OK"));
            for (int i = 0; i < 200 && received.results().size() < 10; i++) {
                Thread.sleep(50);
            }
        } finally {
            receiver.cancel().get(30, TimeUnit.SECONDS);
        }

        Map<String, List<Long>> streams = received.results().stream().collect(
                Collectors.groupingBy(Frame::stream, Collectors.mapping(Frame::fno, Collectors.toList())));
        assertThat(streams).isEqualTo(Map.of("rpi-jpg", List.of(0L, 1L, 2L, 3L, 4L), "rpi-raw", List.of(0L, 1L, 2L, 3L, 4L)));
        byte[] sent = Files.readAllBytes(Path.of(PythonPeer.JPEG));
        try (JpegCodec jpeg = JpegCodecs.create()) {
            for (Frame frame : received.results()) {
                if (frame.stream().equals("rpi-jpg")) {
                    assertThat(frame.jpeg()).as("send_jpg's JPEG as it was sent").isEqualTo(sent);
                } else {
                    Pixels picture = jpeg.decode(frame.jpeg());
                    assertThat(List.of(picture.width(), picture.height())).as("send_image's array, encoded on arrival")
                            .containsExactly(64, 48);
                }
            }
        }
    }

    @Test
    void aHubSecuredWithCurveTakesItsCamerasFramesAndASubscriberReadsASecuredSender() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        CurveCertificate hub = CurveCertificate.generate();
        hub.write(keys, "hub");
        CurveCertificate.generate().write(keys, "camera");
        Path clients = Files.createDirectories(keys.resolve("clients"));
        Files.copy(keys.resolve("camera.key"), clients.resolve("camera.key"));
        Files.copy(keys.resolve("hub.key"), clients.resolve("hub.key"));

        String address = Ports.freeAddress();
        CollectingSink<Frame> received = new CollectingSink<>("imagezmq-curve-hub");
        var options = ReceiverJob.Options.parse(new Args("--format", "imagezmq", "--endpoint", address,
                "--curve-cert", keys.resolve("hub.key_secret").toString(), "--curve-clients", clients.toString()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new ReceiverJob(options, ReceiverJob.zeromqSource(options), List.of(received)).build(env);
        JobClient receiver = env.executeAsync();
        try (PythonPeer senders = PythonPeer.imagezmq(dir, "senders", address, "3", PythonPeer.JPEG, keys.toString())) {
            assertThat(senders.result(60).get("replies")).hasSize(6).allMatch(reply -> reply.asText().equals("OK"));
            for (int i = 0; i < 200 && received.results().size() < 6; i++) {
                Thread.sleep(50);
            }
        } finally {
            receiver.cancel().get(30, TimeUnit.SECONDS);
        }
        assertThat(received.results()).extracting(Frame::stream).containsOnly("rpi-jpg", "rpi-raw").hasSize(6);

        // The other way round: the sender binds a PUB as the CURVE server, the receiver is its client
        // (with the hub's certificate, which the sender's directory of clients holds).
        CollectingSink<Frame> subscribed = new CollectingSink<>("imagezmq-curve-sub");
        String published = Ports.freeAddress();
        var subscriber = ReceiverJob.Options.parse(new Args("--format", "imagezmq", "--source-pattern", "sub",
                "--endpoint", published, "--frames", "5", "--curve-cert", keys.resolve("hub.key_secret").toString(),
                "--curve-server", keys.resolve("camera.key").toString()));
        try (PythonPeer sender = PythonPeer.imagezmq(dir, "pub", published, "200", PythonPeer.JPEG, keys.toString())) {
            new ReceiverJob(subscriber, ReceiverJob.zeromqSource(subscriber), List.of(subscribed))
                    .execute(StreamExecutionEnvironment.getExecutionEnvironment()); // ends after --frames
        }
        assertThat(subscribed.results()).extracting(Frame::fno).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void aWorkerSubscribedToAPublishingSenderNamesTheStreamInItsResults() throws Exception {
        String published = Ports.freeAddress();
        String drain = Ports.freeAddress();
        var options = WorkerJob.Options.parse(new Args("--format", "imagezmq", "--source-pattern", "sub",
                "--source", published, "--drain", drain, "--processor", "gray", "--frames", "5"));
        try (Peer<List<Frame>> collector = Peer.start(context -> FrameCollector.untilStopstream(
                context.createSocket(SocketType.PULL), drain, 30));
                PythonPeer sender = PythonPeer.imagezmq(dir, "pub", published, "200", PythonPeer.JPEG)) {
            new WorkerJob(options, WorkerJob.zeromqSource(options), WorkerJob.zeromqSink(options))
                    .execute(StreamExecutionEnvironment.getExecutionEnvironment()); // ends after --frames

            List<Frame> results = collector.result(30);
            assertThat(results).extracting(Frame::fno).as("numbered per sender as they arrived; parallel instances "
                    + "may finish them out of order").containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
            assertThat(results).extracting(Frame::meta).containsOnly(Map.of("stream", "rpi-pub"));
        }
    }
}
