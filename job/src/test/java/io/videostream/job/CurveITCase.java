package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.connector.zeromq.CollectingSink;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.Python;
import io.videostream.connector.zeromq.TcpRelay;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.job.cli.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CURVE on every connection of pystreaming's patterns, set up from the command line as users do:
 * the map-reduce chain encrypted end to end (a relay in the middle sees no picture and no pickle),
 * clients that may not in get nothing through and are counted, and pyzmq peers with pyzmq's own
 * certificates talk to the jobs both ways: the job as the CURVE server, and as a client of pyzmq's.
 */
class CurveITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS, 6);

    /** The start of every pickled capture time (protocol 4, a float in a frame of 10 bytes). */
    private static final byte[] PICKLED_FTIME = HexFormat.of().parseHex("80049" + "50a0000000000000047");

    @Test
    void anEncryptedMapReduceChainDeliversEveryFrameAndARelayInTheMiddleSeesNoPictureNorPickle(@TempDir Path keys)
            throws Exception {
        Path streamerKey = keys("streamer", keys);
        Path workerKey = keys("worker", keys);
        Path receiverKey = keys("receiver", keys);
        Path workers = Files.createDirectories(keys.resolve("workers"));
        Files.copy(workerKey, workers.resolve("worker.key"));
        String distributor = Ports.freeAddress();
        String collector = Ports.freeAddress();
        int frames = 40;
        CollectingSink<Frame> received = new CollectingSink<>("curve-map-reduce");

        try (TcpRelay toStreamer = new TcpRelay(distributor); TcpRelay toReceiver = new TcpRelay(collector)) {
            // The distributor answers with the newest frame (pystreaming's), so on a busy machine the
            // oldest ones can reach the receiver seconds after the others: a buffer long enough for all
            // (the end of stream lets go what it holds at once).
            var receiverOptions = ReceiverJob.Options.parse(new Args("--mapreduce", "--endpoint", collector,
                    "--bufferlen", "30", "--curve-cert", secret(receiverKey), "--curve-clients", workers.toString()));
            JobClient receiver = Jobs.start(env -> new ReceiverJob(receiverOptions, ReceiverJob.zeromqSource(receiverOptions),
                    List.of(received)).build(env));
            var streamerOptions = StreamerJob.Options.parse(new Args("--mapreduce", "--endpoint", distributor,
                    "--card", "TEST_S", "--fps", "60", "--frames", Integer.toString(frames),
                    "--curve-cert", secret(streamerKey), "--curve-clients", workers.toString()));
            JobClient streamer = Jobs.start(env -> new StreamerJob(streamerOptions, StreamerJob.zeromqSink(streamerOptions))
                    .build(env));
            var workerOptions = WorkerJob.Options.parse(new Args("--source", toStreamer.address(),
                    "--drain", toReceiver.address(), "--processor", "gray", "--curve-cert", secret(workerKey),
                    "--source-curve-server", streamerKey.toString(), "--drain-curve-server", receiverKey.toString()));
            JobClient worker = Jobs.start(env -> new WorkerJob(workerOptions, WorkerJob.zeromqSource(workerOptions),
                    WorkerJob.zeromqSink(workerOptions)).build(env));

            for (JobClient job : List.of(streamer, worker, receiver)) {
                job.getJobExecutionResult().get(120, TimeUnit.SECONDS); // each ends by itself at the end of stream
            }

            assertThat(received.results()).extracting(Frame::fno)
                    .containsExactlyElementsOf(LongStream.range(0, frames).boxed().toList());
            for (TcpRelay relay : List.of(toStreamer, toReceiver)) {
                assertThat(relay.size()).as("bytes through the relay").isGreaterThan(frames * 1000L);
                assertThat(relay.saw(PICKLED_FTIME)).as("a pickled capture time in the clear").isFalse();
                for (Frame frame : received.results()) {
                    assertThat(relay.saw(excerpt(frame.jpeg()))).as("JPEG bytes of frame " + frame.fno()).isFalse();
                }
            }
        }
    }

    @Test
    void theSameRelayDoesSeePicturesAndPicklesOfAPlaintextStreamOnLibzmq() throws Exception {
        String published = Ports.freeAddress();
        CollectingSink<Frame> received = new CollectingSink<>("plain-through-relay");
        try (TcpRelay relay = new TcpRelay(published)) {
            // Plaintext on the native transport: what CURVE adds is the encryption, not libzmq.
            var streamerOptions = StreamerJob.Options.parse(new Args("--endpoint", published, "--card", "TEST_S",
                    "--fps", "30", "--transport", "libzmq"));
            JobClient streamer = Jobs.start(env -> new StreamerJob(streamerOptions, StreamerJob.zeromqSink(streamerOptions))
                    .build(env));
            var receiverOptions = ReceiverJob.Options.parse(new Args("--endpoint", relay.address(), "--frames", "10",
                    "--transport", "libzmq"));
            JobClient receiver = Jobs.start(env -> new ReceiverJob(receiverOptions, ReceiverJob.zeromqSource(receiverOptions),
                    List.of(received)).build(env));
            receiver.getJobExecutionResult().get(120, TimeUnit.SECONDS);
            streamer.cancel().get(30, TimeUnit.SECONDS);

            assertThat(received.results()).hasSize(10);
            assertThat(relay.saw(PICKLED_FTIME)).isTrue();
            assertThat(received.results()).allMatch(frame -> relay.saw(excerpt(frame.jpeg())));
        }
    }

    @Test
    void clientsThatMayNotInGetNothingThroughAndAreCountedWhilePyzmqsOwnCertificatesWork(@TempDir Path dir)
            throws Exception {
        String address = Ports.freeAddress();
        writeJpeg(dir.resolve("frame.jpg"));
        // pyzmq makes every certificate here: the receiver's own, the allowed client's, a stranger's.
        Python.run(dir, """
                import os, zmq.auth
                for name in ('receiver', 'good', 'stranger', 'other-server'):
                    zmq.auth.create_certificates(d, name)
                os.makedirs(d + '/clients')
                os.replace(d + '/good.key', d + '/clients/good.key')
                """);
        CollectingSink<Frame> received = new CollectingSink<>("curve-refusals");
        var options = ReceiverJob.Options.parse(new Args("--mapreduce", "--endpoint", address, "--bufferlen", "1",
                "--curve-cert", dir.resolve("receiver.key_secret").toString(),
                "--curve-clients", dir.resolve("clients").toString()));
        JobClient receiver = Jobs.start(env -> new ReceiverJob(options, ReceiverJob.zeromqSource(options), List.of(received))
                .build(env));
        Ports.awaitListening(address, 60);

        String output = Python.run(dir, """
                import pickle, time, zmq, zmq.auth
                from zmq.utils.monitor import recv_monitor_message
                address = '%s'
                jpeg = open(d + '/frame.jpg', 'rb').read()
                def frame(fno):
                    return [jpeg, pickle.dumps(None, 4), pickle.dumps(time.time(), 4), pickle.dumps(fno, 4)]
                def keys(name):
                    return zmq.auth.load_certificate(d + '/' + name)
                ctx = zmq.Context()
                def refused(name, secret, server):
                    s = ctx.socket(zmq.PUSH)
                    s.linger = 0
                    s.reconnect_ivl = 10000  # one attempt within the test
                    if secret:
                        s.curve_publickey, s.curve_secretkey = keys(secret)
                        s.curve_serverkey = keys(server)[0]
                    monitor = s.get_monitor_socket()
                    s.connect(address)
                    for fno in range(1000, 1005):
                        try:
                            s.send_multipart(frame(fno), zmq.NOBLOCK)
                        except zmq.Again:
                            pass
                    ended = None
                    deadline = time.time() + 10
                    while ended is None and time.time() < deadline:
                        if monitor.poll(200):
                            event = recv_monitor_message(monitor)['event']
                            if event in (zmq.EVENT_DISCONNECTED, zmq.EVENT_HANDSHAKE_FAILED_AUTH,
                                         zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL, zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL):
                                ended = event
                    print(name, 'ended' if ended else 'still waiting')
                    s.disable_monitor()
                    monitor.close()
                    s.close()
                refused('stranger', 'stranger.key_secret', 'receiver.key')
                refused('wrong-server-key', 'good.key_secret', 'other-server.key')
                refused('plaintext', None, None)
                s = ctx.socket(zmq.PUSH)
                s.linger = 5000
                s.curve_publickey, s.curve_secretkey = keys('good.key_secret')
                s.curve_serverkey = keys('receiver.key')[0]
                s.connect(address)
                for fno in list(range(20)) + [-1]:
                    s.send_multipart(frame(fno))
                s.close()
                ctx.term()
                """.formatted(address));
        receiver.getJobExecutionResult().get(60, TimeUnit.SECONDS);

        assertThat(output).contains("stranger ended", "wrong-server-key ended", "plaintext ended");
        assertThat(received.results()).extracting(Frame::fno)
                .as("only the allowed client's frames").containsExactlyElementsOf(LongStream.range(0, 20).boxed().toList());
        assertThat(TestCluster.counter(METRICS, receiver.getJobID(), "authFailures")).isEqualTo(3);
    }

    @Test
    void aPyzmqSubscriberWithItsOwnCertificateReadsAnEncryptedStreamer(@TempDir Path dir) throws Exception {
        String address = Ports.freeAddress();
        Path streamerKey = keys("streamer", dir);
        Python.run(dir, """
                import os, zmq.auth
                os.makedirs(d + '/clients')
                zmq.auth.create_certificates(d + '/clients', 'viewer')
                """);
        var options = StreamerJob.Options.parse(new Args("--endpoint", address, "--card", "TEST_S", "--fps", "30",
                "--curve-cert", secret(streamerKey), "--curve-clients", dir.resolve("clients").toString()));
        JobClient streamer = Jobs.start(env -> new StreamerJob(options, StreamerJob.zeromqSink(options)).build(env));
        try {
            String output = Python.run(dir, """
                    import pickle, zmq, zmq.auth
                    s = zmq.Context().socket(zmq.SUB)
                    s.curve_publickey, s.curve_secretkey = zmq.auth.load_certificate(d + '/clients/viewer.key_secret')
                    s.curve_serverkey = zmq.auth.load_certificate(d + '/streamer.key')[0]
                    s.setsockopt(zmq.SUBSCRIBE, b'')
                    s.rcvtimeo = 20000
                    s.connect('%s')
                    parts = [s.recv_multipart() for _ in range(10)]
                    print('jpeg' if all(p[0][:2] == b'\\xff\\xd8' for p in parts) else 'not jpeg',
                          'fno', ' '.join(str(pickle.loads(p[3])) for p in parts))
                    """.formatted(address));
            assertThat(output).startsWith("jpeg fno ");
            long[] numbers = Arrays.stream(output.strip().substring("jpeg fno ".length()).split(" "))
                    .mapToLong(Long::parseLong).toArray();
            assertThat(numbers).hasSize(10);
            assertThat(numbers[9] - numbers[0]).as("consecutive frames").isEqualTo(9);
        } finally {
            streamer.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReceiverIsTheCurveClientOfAPyzmqStreamerWithPyzmqsOwnAuthenticator(@TempDir Path dir)
            throws Exception {
        String address = Ports.freeAddress();
        writeJpeg(dir.resolve("frame.jpg"));
        Path receiverKey = keys("receiver", dir);
        Files.copy(receiverKey, Files.createDirectories(dir.resolve("clients")).resolve("receiver.key"));
        Python.run(dir, "import zmq.auth\nzmq.auth.create_certificates(d, 'streamer')\n");
        CollectingSink<Frame> received = new CollectingSink<>("curve-pyzmq-server");
        var options = ReceiverJob.Options.parse(new Args("--endpoint", address, "--bufferlen", "1",
                "--curve-cert", secret(receiverKey), "--curve-server", dir.resolve("streamer.key").toString()));
        JobClient receiver = Jobs.start(env -> new ReceiverJob(options, ReceiverJob.zeromqSource(options), List.of(received))
                .build(env));

        // pystreaming's Streamer as pyzmq secures it: a PUB that binds, the CURVE server, with pyzmq's own
        // authenticator letting in the client keys of a directory (the receiver's, as videostream keys wrote it).
        String output = Python.run(dir, Python.CURVE_SERVER + """
                import pickle, time
                from zmq.utils.monitor import recv_monitor_message
                ctx = zmq.Context()
                s = ctx.socket(zmq.PUB)
                auth = curve_server(ctx, s, 'streamer')
                monitor = s.get_monitor_socket()
                s.bind('%s')
                deadline = time.time() + 60
                joined = False
                while not joined and time.time() < deadline:
                    if monitor.poll(200):
                        joined = recv_monitor_message(monitor)['event'] == zmq.EVENT_HANDSHAKE_SUCCEEDED
                print('joined' if joined else 'nobody joined')
                time.sleep(1)  # the subscription follows the handshake
                jpeg = open(d + '/frame.jpg', 'rb').read()
                for fno in list(range(20)) + [-1]:
                    s.send_multipart([jpeg, pickle.dumps(None, 4), pickle.dumps(time.time(), 4), pickle.dumps(fno, 4)])
                    time.sleep(0.01)
                time.sleep(1)
                s.disable_monitor()
                monitor.close()
                s.close()
                auth.stop()
                ctx.term()
                """.formatted(address));
        receiver.getJobExecutionResult().get(60, TimeUnit.SECONDS);

        assertThat(output).contains("joined");
        assertThat(received.results()).extracting(Frame::fno)
                .containsExactlyElementsOf(LongStream.range(0, 20).boxed().toList());
    }

    /** Writes NAME.key and NAME.key_secret into the directory; returns the public one. */
    private static Path keys(String name, Path dir) throws Exception {
        return CurveCertificate.generate().write(dir, name).get(0);
    }

    private static String secret(Path publicKey) {
        return publicKey + "_secret";
    }

    /** 32 bytes from the middle of a JPEG: its compressed picture, not headers all JPEGs share. */
    private static byte[] excerpt(byte[] jpeg) {
        return Arrays.copyOfRange(jpeg, jpeg.length / 2, jpeg.length / 2 + 32);
    }

    private static void writeJpeg(Path file) throws Exception {
        try (JpegCodec jpeg = JpegCodecs.create()) {
            Files.write(file, jpeg.encode(TestCards.frame(TestCard.TEST_S, false, 0)));
        }
    }
}
