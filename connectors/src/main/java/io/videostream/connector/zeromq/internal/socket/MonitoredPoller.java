package io.videostream.connector.zeromq.internal.socket;

import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * A poller of sockets and their monitors, polled together: the sockets at indexes 0..n-1, their
 * monitors' sockets at n..2n-1. A readable monitor's events are handled on the way.
 */
@Internal
abstract class MonitoredPoller implements SocketPoller {
    private final List<ZmqSocket> sockets;

    MonitoredPoller(List<ZmqSocket> sockets) {
        this.sockets = List.copyOf(sockets);
    }

    /** Waits up to {@code millis} for any of the 2n sockets; whether one is readable. */
    abstract boolean pollAll(long millis);

    /** Whether the socket at this index of the 2n was readable at the last poll. */
    abstract boolean readableAt(int index);

    @Override
    public final boolean poll(long millis) {
        if (!pollAll(millis)) {
            return false;
        }
        int count = sockets.size();
        boolean any = false;
        for (int i = 0; i < count; i++) {
            any |= readableAt(i);
            if (readableAt(count + i)) {
                sockets.get(i).handleEvents();
            }
        }
        return any;
    }

    @Override
    public final boolean readable(int index) {
        return readableAt(index);
    }
}
