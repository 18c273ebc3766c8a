package io.videostream.connector.zeromq.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.Ports;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class SharedContextTest {
    private final SharedContext shared = new SharedContext();

    @Test
    void leasesShareOneContextSoInprocReachesAcrossThem() {
        ZContext sinkSide = shared.lease();
        ZContext sourceSide = shared.lease();
        ZMQ.Socket push = sinkSide.createSocket(SocketType.PUSH);
        push.bind("inproc://shared-context-test");
        ZMQ.Socket pull = sourceSide.createSocket(SocketType.PULL);
        pull.connect("inproc://shared-context-test");
        pull.setReceiveTimeOut(5000);

        assertThat(push.send("frame")).isTrue();
        assertThat(pull.recvStr()).isEqualTo("frame");

        shared.release(sinkSide);
        assertThat(sourceSide.isClosed()).as("the context outlives the first lease given back").isFalse();
        shared.release(sourceSide);
        assertThat(sourceSide.isClosed()).as("the last lease given back ends it").isTrue();
    }

    @Test
    void theLastLeaseGivenBackSendsWhatItsSocketsHoldFirst() throws Exception {
        int port = Ports.freePort();
        ZContext lease = shared.lease();
        ZMQ.Socket push = lease.createSocket(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + port);
        assertThat(push.send("end of stream")).isTrue(); // queued: nobody listens yet
        push.setLinger(10_000);

        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
            try (ZContext peer = new ZContext(1)) {
                Thread.sleep(300);
                ZMQ.Socket pull = peer.createSocket(SocketType.PULL);
                pull.setReceiveTimeOut(10_000);
                pull.bind("tcp://127.0.0.1:" + port);
                return pull.recvStr();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        shared.release(lease);

        assertThat(lease.isClosed()).isTrue();
        assertThat(received.get(15, TimeUnit.SECONDS)).isEqualTo("end of stream");
    }

    @Test
    void aLeaseAfterTheEndStartsAFreshContext() {
        ZContext first = shared.lease();
        shared.release(first);
        ZContext second = shared.lease();
        try {
            assertThat(second.isClosed()).isFalse();
            assertThat(second.getContext()).isNotSameAs(first.getContext());
            ZMQ.Socket socket = second.createSocket(SocketType.PAIR);
            socket.bind("inproc://after-the-end");
        } finally {
            shared.release(second);
        }
    }
}
