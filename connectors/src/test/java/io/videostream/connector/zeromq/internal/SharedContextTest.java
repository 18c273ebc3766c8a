package io.videostream.connector.zeromq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.Ports;
import java.util.ArrayList;
import java.util.List;
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
        SharedContext.Lease sinkSide = shared.lease();
        SharedContext.Lease sourceSide = shared.lease();
        ZMQ.Socket push = sinkSide.context().createSocket(SocketType.PUSH);
        push.bind("inproc://shared-context-test");
        ZMQ.Socket pull = sourceSide.context().createSocket(SocketType.PULL);
        pull.connect("inproc://shared-context-test");
        pull.setReceiveTimeOut(5000);

        assertThat(push.send("frame")).isTrue();
        assertThat(pull.recvStr()).isEqualTo("frame");

        sinkSide.close();
        assertThat(sourceSide.context().isClosed()).as("the context outlives the first lease given back").isFalse();
        sourceSide.close();
        assertThat(sourceSide.context().isClosed()).as("the last lease given back ends it").isTrue();
    }

    @Test
    void aContextHoldsMoreSocketsThanZeroMqsDefault() {
        SharedContext.Lease lease = shared.lease();
        try {
            List<ZMQ.Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 1500; i++) { // 100 distributors, 8 requests each, a monitor per REQ socket: 1600
                sockets.add(lease.context().createSocket(SocketType.REQ));
            }
            assertThat(sockets).hasSize(1500);
            sockets.forEach(ZMQ.Socket::close);
        } finally {
            lease.close();
        }
    }

    @Test
    void theLastLeaseGivenBackSendsWhatItsSocketsHoldFirst() throws Exception {
        int port = Ports.freePort();
        SharedContext.Lease lease = shared.lease();
        ZMQ.Socket push = lease.context().createSocket(SocketType.PUSH);
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
        lease.close();

        assertThat(lease.context().isClosed()).isTrue();
        assertThat(received.get(15, TimeUnit.SECONDS)).isEqualTo("end of stream");
    }

    @Test
    void aLeaseAfterTheEndStartsAFreshContext() {
        SharedContext.Lease first = shared.lease();
        first.close();
        try (SharedContext.Lease second = shared.lease()) {
            assertThat(second.context().isClosed()).isFalse();
            assertThat(second.context().getContext()).isNotSameAs(first.context().getContext());
            ZMQ.Socket socket = second.context().createSocket(SocketType.PAIR);
            socket.bind("inproc://after-the-end");
        }
    }

    @Test
    void aDeadIoThreadFailsEveryLeaseOfItsContextAndTheNextLeaseGetsAWorkingOne() throws Exception {
        SharedContext.Lease victim = shared.lease();
        SharedContext.Lease bystander = shared.lease();
        IoThreadKiller.kill(victim);

        assertThatThrownBy(bystander::checkAlive).hasMessageContaining("I/O thread died");
        try (SharedContext.Lease fresh = shared.lease()) {
            fresh.checkAlive();
            assertThat(fresh.context().getContext()).isNotSameAs(victim.context().getContext());
            assertThat(IoThreadKiller.roundTrip(fresh.context())).isEqualTo("still alive");
        } finally {
            victim.close();
            bystander.close(); // the dead context is left behind: closing it must not wait for its thread
        }
    }
}
