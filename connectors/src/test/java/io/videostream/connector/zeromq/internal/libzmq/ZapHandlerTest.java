package io.videostream.connector.zeromq.internal.libzmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.common.CurveCertificate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ironhouse: a CURVE server lets in the clients whose keys it knows, and counts every other one. */
class ZapHandlerTest {
    private final NativeContext context = NativeZmq.context();
    private final CurveCertificate server = CurveCertificate.generate();
    private final CurveCertificate known = CurveCertificate.generate();
    private final CurveCertificate stranger = CurveCertificate.generate();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final String address = Ports.freeAddress();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void onlyClientsInTheAllowListGetThroughAndEveryRefusalIsReported() throws Exception {
        try (ZapHandler zap = new ZapHandler(context, Set.of(known.publicKey()), refused::add)) {
            NativeSocket pull = server();
            NativeMonitor monitor = pull.monitor();
            pull.bind(address);

            send(client(stranger), "from a stranger");
            NativeSocket plaintext = context.socket(NativeSocket.Type.PUSH);
            plaintext.connect(address);
            plaintext.send(List.of(text("in the clear")));
            assertThat(pull.receive(false)).as("neither a stranger nor a plaintext client gets through").isNull();

            send(client(known), "from a known client");
            assertThat(pull.receive(false)).containsExactly(text("from a known client"));
            assertThat(pull.receive(false)).as("and nothing else").isNull();
            assertThat(refused).as("the stranger, by its key (libzmq may ask more than once as it reconnects)")
                    .isNotEmpty().containsOnly(stranger.publicKey());

            List<NativeMonitor.Event> events = monitor.drain();
            assertThat(events).as("the stranger, refused by ZAP with status 400").anyMatch(
                    e -> e.event() == NativeMonitor.HANDSHAKE_FAILED_AUTH && e.value() == 400);
            assertThat(events).as("the plaintext client, whose mechanism is not CURVE").anyMatch(
                    e -> e.event() == NativeMonitor.HANDSHAKE_FAILED_PROTOCOL);
            assertThat(events).as("the known client").anyMatch(e -> e.event() == NativeMonitor.HANDSHAKE_SUCCEEDED);
            monitor.close();
        }
    }

    @Test
    void aServerWhoseHandlerStoppedRefusesEvenAKnownClient() throws Exception {
        new ZapHandler(context, Set.of(known.publicKey()), refused::add).close();
        NativeSocket pull = server();
        NativeMonitor monitor = pull.monitor();
        pull.bind(address);

        send(client(known), "from a known client");
        assertThat(pull.receive(false)).as("no handler, no client (libzmq alone lets every one in)").isNull();
        List<NativeMonitor.Event> events = monitor.drain();
        assertThat(events).as("the handshake failed").anyMatch(e -> e.event() == NativeMonitor.HANDSHAKE_FAILED_NO_DETAIL);
        assertThat(events).noneMatch(e -> e.event() == NativeMonitor.HANDSHAKE_SUCCEEDED);
        monitor.close();
    }

    @Test
    void aHandlerThatFailsSaysWhyAndItsServersRefuseEveryClientFromThenOn() throws Exception {
        try (ZapHandler zap = new ZapHandler(context, Set.of(known.publicKey()), key -> {
            throw new IllegalStateException("a refusal could not be counted");
        })) {
            NativeSocket pull = server();
            pull.bind(address);
            send(client(stranger), "from a stranger");
            assertThat(pull.receive(false)).isNull();
            assertThat(zap.failure()).hasMessage("a refusal could not be counted");

            send(client(known), "from a known client");
            assertThat(pull.receive(false)).as("the handler is gone: nobody gets in").isNull();
        }
    }

    /** A CURVE server, not yet bound, whose receive waits 1.5 s at most. */
    private NativeSocket server() {
        NativeSocket pull = context.socket(NativeSocket.Type.PULL);
        pull.setCurveServer(server.secretKey());
        pull.setZapDomain("videostream");
        pull.setTimeouts(5000, 1500);
        return pull;
    }

    private NativeSocket client(CurveCertificate client) {
        NativeSocket push = context.socket(NativeSocket.Type.PUSH);
        push.setCurveClient(client.publicKey(), client.secretKey(), server.publicKey());
        push.connect(address);
        return push;
    }

    private static void send(NativeSocket socket, String text) {
        assertThat(socket.send(List.of(text(text)))).isTrue();
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
