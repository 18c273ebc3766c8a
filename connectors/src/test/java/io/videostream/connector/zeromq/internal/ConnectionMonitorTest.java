package io.videostream.connector.zeromq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.Ports;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class ConnectionMonitorTest {

    @Test
    void aSocketThatOutlivesItsMonitorLeavesTheIoThreadFree() {
        ZContext context = new ZContext(1);
        String watchedAddress = Ports.freeAddress();
        ZMQ.Socket watched = context.createSocket(SocketType.PULL);
        watched.setReceiveTimeOut(5000);
        watched.bind(watchedAddress);
        ConnectionMonitor monitor = new ConnectionMonitor(context, watched, "PULL " + watchedAddress,
                SocketMetrics.register(new UnregisteredMetricsGroup()));
        // The socket outlives its monitor (a closed socket lingers, and a source's closes after the
        // monitor), and then its peer leaves: an event that nobody takes any more.
        try (ZContext peerContext = new ZContext(1)) {
            ZMQ.Socket peer = peerContext.createSocket(SocketType.PUSH);
            peer.setHandshakeIvl(200); // jeromq may stall a fresh connection's handshake: then it connects again
            peer.connect(watchedAddress);
            peer.send("hello");
            assertThat(watched.recvStr()).isEqualTo("hello");
            monitor.close();
        }

        // The context's one I/O thread must go on serving its other sockets.
        String otherAddress = Ports.freeAddress();
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.setReceiveTimeOut(5000);
        pull.bind(otherAddress);
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.setHandshakeIvl(200);
        push.connect(otherAddress);
        push.send("still moving");

        assertThat(pull.recvStr()).as("a message through the same I/O thread").isEqualTo("still moving");
        context.close();
    }
}
