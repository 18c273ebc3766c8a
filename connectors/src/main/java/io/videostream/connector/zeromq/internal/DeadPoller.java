package io.videostream.connector.zeromq.internal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zmq.poll.Poller;

/**
 * Frees what a dead jeromq I/O thread held. Its sockets (the listeners of bound endpoints, the
 * connections) are registered with the selector that only that thread would ever close; until then
 * a closed channel keeps its port. jeromq (0.6.0) offers no way to reach the selector, so it is read
 * from the poller's private field: if a jeromq version names it otherwise, this says so in the log,
 * and the ports stay taken until the process ends.
 */
@Internal
final class DeadPoller {
    private static final Logger LOG = LoggerFactory.getLogger(DeadPoller.class);

    private DeadPoller() {}

    static void closeWhatItHeld(String threadName, Runnable target) {
        if (!(target instanceof Poller poller)) {
            return;
        }
        try {
            Field field = Poller.class.getDeclaredField("selector");
            field.setAccessible(true);
            Selector selector = (Selector) field.get(poller);
            int channels = 0;
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
                channels++;
            }
            selector.close(); // deregisters the channels: only now are their sockets closed
            LOG.warn("Closed the {} sockets that ZeroMQ's dead thread {} held (bound ports are free again)", channels,
                    threadName);
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            LOG.error("Cannot close the sockets ZeroMQ's dead thread {} held: endpoints it had bound stay taken "
                    + "until this process ends", threadName, e);
        }
    }
}
