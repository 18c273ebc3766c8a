package io.videostream.connector.zeromq.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.Python;
import io.videostream.connector.zeromq.internal.libzmq.NativeContext;
import io.videostream.connector.zeromq.internal.libzmq.NativeSocket;
import io.videostream.connector.zeromq.internal.libzmq.NativeZmq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate files shared with pyzmq: its files read here, these files read by it, and the keys work. */
class CurveCertificateTest {
    @TempDir
    Path dir;

    @Test
    void readsTheCertificatesPyzmqWrites() throws Exception {
        String keys = Python.run(dir, "import zmq.auth; zmq.auth.create_certificates(d, 'server');"
                + "p, s = zmq.auth.load_certificate(d + '/server.key_secret'); print(p.decode() + ' ' + s.decode())");
        String[] pythonKeys = keys.strip().split(" ");

        CurveCertificate secret = CurveCertificate.read(dir.resolve("server.key_secret"));
        assertThat(secret.publicKey()).isEqualTo(pythonKeys[0]);
        assertThat(secret.secretKey()).isEqualTo(pythonKeys[1]);
        CurveCertificate publicOnly = CurveCertificate.read(dir.resolve("server.key"));
        assertThat(publicOnly.publicKey()).isEqualTo(pythonKeys[0]);
        assertThat(publicOnly.secretKey()).isNull();
    }

    @Test
    void writesCertificatesPyzmqReadsWithTheSecretForItsOwnerOnly() throws Exception {
        CurveCertificate certificate = CurveCertificate.generate();
        List<Path> files = certificate.write(dir, "camera-1");

        assertThat(files).containsExactly(dir.resolve("camera-1.key"), dir.resolve("camera-1.key_secret"));
        assertThat(Python.run(dir, "import zmq.auth; p, s = zmq.auth.load_certificate(d + '/camera-1.key_secret');"
                + "q, _ = zmq.auth.load_certificate(d + '/camera-1.key'); print(p.decode(), s.decode(), q.decode())")
                .strip()).isEqualTo(certificate.publicKey() + " " + certificate.secretKey() + " " + certificate.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(1)))).isEqualTo("rw-------");
        assertThat(Files.readString(files.get(0))).doesNotContain(certificate.secretKey());
    }

    @Test
    void aDirectoryOfAllowedClientsGivesTheirPublicKeys() throws IOException {
        CurveCertificate first = CurveCertificate.generate();
        CurveCertificate second = CurveCertificate.generate();
        first.write(dir, "a");
        second.write(dir, "b");
        Files.writeString(dir.resolve("README.txt"), "not a certificate");

        assertThat(CurveCertificate.readPublicKeys(dir)).containsExactly(
                new CurveCertificate(first.publicKey(), null), new CurveCertificate(second.publicKey(), null));
    }

    @Test
    void aFileThatIsNoCertificateSaysWhichAndWhy() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.key"), "metadata\ncurve\n    public-key = \"short\"\n");
        Path empty = Files.writeString(dir.resolve("empty.key"), "# nothing\n");

        assertThatThrownBy(() -> CurveCertificate.read(broken)).hasMessageContaining("broken.key")
                .hasMessageContaining("40 characters of Z85");
        assertThatThrownBy(() -> CurveCertificate.read(empty)).hasMessageContaining("empty.key")
                .hasMessageContaining("no public-key");
        assertThatThrownBy(() -> CurveCertificate.read(dir.resolve("missing.key"))).hasMessageContaining("missing.key");
    }

    @Test
    void generatedKeysSecureANativeConnection() {
        CurveCertificate server = CurveCertificate.generate();
        CurveCertificate client = CurveCertificate.generate();
        String address = Ports.freeAddress();
        try (NativeContext context = NativeZmq.context()) {
            NativeSocket pull = context.socket(NativeSocket.Type.PULL);
            pull.setCurveServer(server.secretKey());
            pull.setTimeouts(5000, 5000);
            pull.bind(address);
            NativeSocket push = context.socket(NativeSocket.Type.PUSH);
            push.setCurveClient(client.publicKey(), client.secretKey(), server.publicKey());
            push.connect(address);

            assertThat(push.send(List.of("over CURVE".getBytes(StandardCharsets.UTF_8)))).isTrue();
            assertThat(pull.receive(false)).containsExactly("over CURVE".getBytes(StandardCharsets.UTF_8));
        }
    }
}
