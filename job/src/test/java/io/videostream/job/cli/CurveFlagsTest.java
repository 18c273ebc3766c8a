package io.videostream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.job.ReceiverJob;
import io.videostream.job.StreamerJob;
import io.videostream.job.WorkerJob;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CURVE flags, the same on every job: what each endpoint gets, and one line for what is missing. */
class CurveFlagsTest {
    private static final String FIRST = "tcp://127.0.0.1:5555";
    private static final String SECOND = "tcp://127.0.0.1:5557";

    @TempDir
    Path keys;
    private CurveCertificate own;
    private CurveCertificate cameraOne;
    private CurveCertificate cameraTwo;

    @BeforeEach
    void writeCertificates() throws Exception {
        own = write("own");
        cameraOne = write("camera-one");
        cameraTwo = write("camera-two");
        Files.createDirectories(keys.resolve("clients"));
        CurveCertificate.generate().write(keys.resolve("clients"), "viewer");
        Files.delete(keys.resolve("clients/viewer.key_secret"));
    }

    @Test
    void withoutACertificateSocketsArePlain() {
        assertThat(ReceiverJob.Options.parse(new Args("--endpoint", FIRST)).curve()).isNull();
        refused(() -> ReceiverJob.Options.parse(new Args("--endpoint", FIRST, "--curve-server", key("camera-one"))),
                "--curve-server needs --curve-cert");
    }

    @Test
    void aReceiverOfSeveralPublishersTrustsOneServerKeyPerEndpointInTheirOrder() {
        var options = ReceiverJob.Options.parse(new Args("--endpoint", FIRST + "," + SECOND, "--curve-cert",
                secret("own"), "--curve-server", key("camera-one") + "," + key("camera-two")));
        assertThat(options.curve().publicKey()).isEqualTo(own.publicKey());
        assertThat(options.curve().serverKey(ZmqEndpoint.connect(FIRST))).isEqualTo(cameraOne.publicKey());
        assertThat(options.curve().serverKey(ZmqEndpoint.connect(SECOND))).isEqualTo(cameraTwo.publicKey());
        assertThat(ReceiverJob.Options.parse(new Args("--endpoint", FIRST + "," + SECOND, "--curve-cert",
                secret("own"), "--curve-server", key("camera-one"))).curve().serverKey(ZmqEndpoint.connect(SECOND)))
                .as("one key for all").isEqualTo(cameraOne.publicKey());
        refused(() -> ReceiverJob.Options.parse(new Args("--endpoint", FIRST + "," + SECOND, "--curve-cert",
                secret("own"), "--curve-server", key("camera-one") + "," + key("camera-two") + "," + key("own"))),
                "lists 3 certificates for 2 endpoints that connect");
        refused(() -> ReceiverJob.Options.parse(new Args("--endpoint", FIRST, "--curve-cert", secret("own"))),
                "--curve-server is required");
    }

    @Test
    void aBindingSideNeedsItsClients() {
        var options = StreamerJob.Options.parse(new Args("--endpoint", FIRST, "--curve-cert", secret("own"),
                "--curve-clients", keys.resolve("clients").toString()));
        assertThat(options.curve().clientKeys()).hasSize(1);
        refused(() -> StreamerJob.Options.parse(new Args("--endpoint", FIRST, "--curve-cert", secret("own"))),
                "--curve-clients is required");
        refused(() -> StreamerJob.Options.parse(new Args("--endpoint", FIRST, "--curve-cert", secret("own"),
                "--curve-clients", keys.toString() + "/nowhere")), "no directory of allowed clients");
        refused(() -> StreamerJob.Options.parse(new Args("--endpoint", FIRST, "--curve-cert", key("own"),
                "--curve-clients", keys.resolve("clients").toString())), "needs its secret key");
    }

    @Test
    void aWorkerTrustsItsSourceAndItsDrainSeparately() {
        var options = WorkerJob.Options.parse(new Args("--source", FIRST, "--drain", SECOND, "--curve-cert",
                secret("own"), "--source-curve-server", key("camera-one"), "--drain-curve-server", key("camera-two")));
        assertThat(options.sourceCurve().serverKey(ZmqEndpoint.connect(FIRST))).isEqualTo(cameraOne.publicKey());
        assertThat(options.drainCurve().serverKey(ZmqEndpoint.connect(SECOND))).isEqualTo(cameraTwo.publicKey());
        refused(() -> WorkerJob.Options.parse(new Args("--source", FIRST, "--drain", SECOND, "--curve-cert",
                secret("own"), "--source-curve-server", key("camera-one"))), "--drain-curve-server is required");
    }

    private CurveCertificate write(String name) throws Exception {
        CurveCertificate certificate = CurveCertificate.generate();
        certificate.write(keys, name);
        return certificate;
    }

    private String key(String name) {
        return keys.resolve(name + ".key").toString();
    }

    private String secret(String name) {
        return keys.resolve(name + ".key_secret").toString();
    }

    private static void refused(Runnable parse, String reason) {
        assertThatThrownBy(parse::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
