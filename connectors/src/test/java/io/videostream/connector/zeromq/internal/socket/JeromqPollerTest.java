package io.videostream.connector.zeromq.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.internal.SocketConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

/**
 * The jeromq poller with a mailbox signalled but the signal not yet counted by its sender, the state a
 * sender's thread leaves when it is preempted between writing the signal and counting it (common on
 * busy cores). The test writes such a signal itself.
 */
class JeromqPollerTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void anUncountedSignalDoesNotKeepTheCpuBusy() throws Exception {
        try (SocketSession session = SocketSession.open(SocketConfig.from(new Configuration(), null, List.of()))) {
            ZmqSocket pull = session.open(SocketKind.PULL, ZmqEndpoint.bind(Ports.freeAddress()),
                    SocketMetrics.register(new UnregisteredMetricsGroup()));
            try (SocketPoller poller = session.poller(List.of(pull))) {
                signalWithoutCounting(pull);
                long cpuBefore = THREADS.getCurrentThreadCpuTime();

                boolean readable = poller.poll(500);

                long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
                assertThat(readable).as("a signal with no message behind it").isFalse();
                // jeromq's own poll spins on the readable descriptor: CPU all the 500 ms (this one 55-66 ms).
                assertThat(cpuMillis).as("CPU ms of a 500 ms poll on an uncounted signal").isLessThan(250);
            } finally {
                pull.close(Duration.ZERO);
            }
        }
    }

    @Test
    void aMessageIsFoundWhileASignalIsUncounted() throws Exception {
        String address = Ports.freeAddress();
        try (SocketSession session = SocketSession.open(SocketConfig.from(new Configuration(), null, List.of()))) {
            SocketMetrics metrics = SocketMetrics.register(new UnregisteredMetricsGroup());
            ZmqSocket pull = session.open(SocketKind.PULL, ZmqEndpoint.bind(address), metrics);
            ZmqSocket push = session.open(SocketKind.PUSH, ZmqEndpoint.connect(address), metrics);
            try (SocketPoller poller = session.poller(List.of(pull))) {
                signalWithoutCounting(pull);
                assertThat(push.send(List.of("frame".getBytes()))).isTrue();

                // A connection event ends a poll early: poll again, up to ten seconds in all.
                boolean readable = false;
                for (int polls = 0; polls < 100 && !readable; polls++) {
                    readable = poller.poll(100);
                }
                assertThat(readable).as("a message sent").isTrue();
                assertThat(poller.readable(0)).isTrue();
                assertThat(pull.receive(true)).extracting(String::new).containsExactly("frame");
            } finally {
                push.close(Duration.ZERO);
                pull.close(Duration.ZERO);
            }
        }
    }

    /** Writes a byte to the socket's mailbox signal as its sender does, without counting it. */
    private static void signalWithoutCounting(ZmqSocket socket) throws Exception {
        ZMQ.Socket jeromq = (ZMQ.Socket) field(socket, "socket");
        Object mailbox = field(jeromq.base(), "mailbox");
        Pipe.SinkChannel signal = (Pipe.SinkChannel) field(field(mailbox, "signaler"), "w");
        assertThat(signal.write(ByteBuffer.wrap(new byte[1]))).isEqualTo(1);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name + " in " + owner.getClass());
    }
}
