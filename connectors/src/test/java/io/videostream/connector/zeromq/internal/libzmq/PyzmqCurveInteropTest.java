package io.videostream.connector.zeromq.internal.libzmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.Python;
import io.videostream.connector.zeromq.common.CurveCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CURVE both ways with pyzmq peers, with certificates pyzmq made: the files Python users already have. */
class PyzmqCurveInteropTest {
    @TempDir
    Path dir;

    @Test
    void aPyzmqClientGetsIntoANativeServerThatKnowsItsKey() throws Exception {
        Python.run(dir, "import zmq.auth\nzmq.auth.create_certificates(d, 'server')\nzmq.auth.create_certificates(d, 'camera')");
        CurveCertificate server = CurveCertificate.read(dir.resolve("server.key_secret"));
        String address = Ports.freeAddress();
        try (NativeContext context = NativeZmq.context();
                ZapHandler zap = new ZapHandler(context, Set.of(CurveCertificate.read(dir.resolve("camera.key"))
                        .publicKey()), key -> { })) {
            NativeSocket pull = context.socket(NativeSocket.Type.PULL);
            pull.setCurveServer(server.secretKey());
            pull.setZapDomain("videostream");
            pull.setTimeouts(5000, 10_000);
            pull.bind(address);

            Process client = Python.start(dir, "import zmq, zmq.auth\n"
                    + "c = zmq.Context(); s = c.socket(zmq.PUSH)\n"
                    + "s.curve_publickey, s.curve_secretkey = zmq.auth.load_certificate(d + '/camera.key_secret')\n"
                    + "s.curve_serverkey, _ = zmq.auth.load_certificate(d + '/server.key')\n"
                    + "s.connect('" + address + "')\n"
                    + "s.send_multipart([b'frame', b'from python'])\n"
                    + "s.close(linger=5000); c.term()");
            assertThat(pull.receive(false)).containsExactly(text("frame"), text("from python"));
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aNativeClientGetsIntoAPyzmqServer() throws Exception {
        Python.run(dir, "import zmq.auth\nzmq.auth.create_certificates(d, 'server')");
        CurveCertificate client = CurveCertificate.generate();
        client.write(dir, "worker");
        String address = Ports.freeAddress();
        Process server = Python.start(dir, "import zmq, zmq.auth\n"
                + "c = zmq.Context(); s = c.socket(zmq.PULL)\n"
                + "s.curve_publickey, s.curve_secretkey = zmq.auth.load_certificate(d + '/server.key_secret')\n"
                + "s.curve_server = True\n"
                + "s.rcvtimeo = 20000\n"
                + "s.bind('" + address + "')\n"
                + "print(b' '.join(s.recv_multipart()).decode())\n"
                + "s.close(); c.term()");
        try (NativeContext context = NativeZmq.context()) {
            NativeSocket push = context.socket(NativeSocket.Type.PUSH);
            push.setCurveClient(client.publicKey(), client.secretKey(),
                    CurveCertificate.read(dir.resolve("server.key")).publicKey());
            push.setLinger(5000);
            push.connect(address);
            assertThat(push.send(List.of(text("frame"), text("from java")))).isTrue();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Python.output(server).strip())
                    .isEqualTo("frame from java");
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
