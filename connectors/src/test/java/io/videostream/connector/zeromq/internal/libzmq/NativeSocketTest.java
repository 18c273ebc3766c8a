package io.videostream.connector.zeromq.internal.libzmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.common.CurveCertificate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The native libzmq binding over loopback: messages, limits, peers of the other library, CURVE, threads. */
class NativeSocketTest {
    private final NativeContext context = NativeZmq.context();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void multipartMessagesArriveWholeAndInOrder() {
        String address = Ports.freeAddress();
        NativeSocket pull = context.socket(NativeSocket.Type.PULL);
        pull.setTimeouts(5000, 5000);
        pull.bind(address);
        NativeSocket push = context.socket(NativeSocket.Type.PUSH);
        push.setTimeouts(5000, 5000);
        push.connect(address);

        List<List<byte[]>> sent = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            byte[] frame = new byte[random.nextInt(64 << 10)];
            random.nextBytes(frame);
            List<byte[]> message = List.of(frame, text("meta"), text("time " + i), text(Integer.toString(i)));
            assertThat(push.send(message)).isTrue();
            sent.add(message);
        }
        for (List<byte[]> expected : sent) {
            assertThat(pull.receive(false)).containsExactlyElementsOf(expected);
        }
        assertThat(pull.receive(true)).as("nothing more").isNull();
    }

    @Test
    void aContextHoldsMoreSocketsThanLibzmqsDefault() {
        List<NativeSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 1500; i++) { // libzmq's default is 1023
            sockets.add(context.socket(NativeSocket.Type.REQ));
        }
        assertThat(sockets).hasSize(1500);
        sockets.forEach(NativeSocket::close);
    }

    @Test
    void talksWithJeromqBothWays() throws Exception {
        String toJeromq = Ports.freeAddress();
        String fromJeromq = Ports.freeAddress();
        try (ZContext jeromq = new ZContext(1)) {
            ZMQ.Socket jeromqPull = jeromq.createSocket(SocketType.PULL);
            jeromqPull.setReceiveTimeOut(5000);
            jeromqPull.bind(toJeromq);
            ZMQ.Socket jeromqPush = jeromq.createSocket(SocketType.PUSH);
            jeromqPush.setHandshakeIvl(300);
            jeromqPush.connect(fromJeromq);

            NativeSocket push = context.socket(NativeSocket.Type.PUSH);
            push.connect(toJeromq);
            NativeSocket pull = context.socket(NativeSocket.Type.PULL);
            pull.setTimeouts(5000, 5000);
            pull.bind(fromJeromq);

            assertThat(push.send(List.of(text("to"), text("jeromq")))).isTrue();
            assertThat(jeromqPull.recvStr()).isEqualTo("to");
            assertThat(jeromqPull.hasReceiveMore()).isTrue();
            assertThat(jeromqPull.recvStr()).isEqualTo("jeromq");
            jeromqPush.sendMore("from");
            jeromqPush.send("jeromq");
            assertThat(pull.receive(false)).containsExactly(text("from"), text("jeromq"));
        }
    }

    @Test
    void aPeerSendingAPartOverTheLimitIsDroppedAndOthersGetThrough() {
        String address = Ports.freeAddress();
        NativeSocket pull = context.socket(NativeSocket.Type.PULL);
        pull.setMaxMessageSize(1 << 20);
        pull.setTimeouts(5000, 2000);
        pull.bind(address);
        NativeSocket tooBig = context.socket(NativeSocket.Type.PUSH);
        tooBig.connect(address);
        assertThat(tooBig.send(List.of(new byte[2 << 20]))).isTrue();
        NativeSocket fine = context.socket(NativeSocket.Type.PUSH);
        fine.connect(address);
        assertThat(fine.send(List.of(text("fine")))).isTrue();

        assertThat(pull.receive(false)).containsExactly(text("fine"));
        assertThat(pull.receive(false)).as("the part over the limit never arrives").isNull();
    }

    @Test
    void curveGetsThroughWithTheServersKeyAndNotWithAnotherOne() {
        CurveCertificate server = CurveCertificate.generate();
        CurveCertificate client = CurveCertificate.generate();
        CurveCertificate impostor = CurveCertificate.generate();
        String address = Ports.freeAddress();
        NativeSocket pull = context.socket(NativeSocket.Type.PULL);
        pull.setCurveServer(server.secretKey());
        pull.setTimeouts(5000, 1000);
        pull.bind(address);

        NativeSocket wrongServerKey = context.socket(NativeSocket.Type.PUSH);
        wrongServerKey.setCurveClient(client.publicKey(), client.secretKey(), impostor.publicKey());
        wrongServerKey.connect(address);
        wrongServerKey.send(List.of(text("to the wrong server")));
        assertThat(pull.receive(false)).as("a client with the wrong server key gets nothing through").isNull();

        NativeSocket push = context.socket(NativeSocket.Type.PUSH);
        push.setCurveClient(client.publicKey(), client.secretKey(), server.publicKey());
        push.connect(address);
        assertThat(push.send(List.of(text("secret"), new byte[35_000]))).isTrue();
        assertThat(pull.receive(false)).containsExactly(text("secret"), new byte[35_000]);
    }

    @Test
    void aSecondThreadInASocketIsRefusedInsteadOfCrashingTheJvm() throws Exception {
        NativeSocket pull = context.socket(NativeSocket.Type.PULL);
        pull.setTimeouts(1000, 3000);
        pull.bind(Ports.freeAddress());
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<List<byte[]>> waiting = CompletableFuture.supplyAsync(() -> {
            inside.countDown();
            return pull.receive(false); // waits up to 3 s in libzmq
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);

        assertThatThrownBy(() -> pull.receive(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("used by two threads at once");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(pull.receive(true)).as("usable again once the other thread is out").isNull();
    }

    @Test
    void closingTheContextReturnsWhileAThreadWaitsInAReceive() throws Exception {
        NativeContext other = NativeZmq.context();
        NativeSocket pull = other.socket(NativeSocket.Type.PULL);
        pull.setTimeouts(-1, -1); // waits until a message comes, or the context shuts down
        pull.bind(Ports.freeAddress());
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                pull.receive(false);
                return null;
            } catch (NativeZmqException e) {
                return e;
            } finally {
                pull.close();
            }
        });
        Thread.sleep(300);

        other.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(NativeZmqException.class)
                .hasMessageContaining("terminated");
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
