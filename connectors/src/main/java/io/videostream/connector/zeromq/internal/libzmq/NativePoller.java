package io.videostream.connector.zeromq.internal.libzmq;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * {@code zmq_poll} over a fixed list of native sockets, for the thread that owns them: the sockets are
 * taken for that thread while it waits (see {@link NativeSocket}).
 */
@Internal
public final class NativePoller {
    private final List<NativeSocket> sockets;
    private final Memory items;

    public NativePoller(List<NativeSocket> sockets) {
        this.sockets = List.copyOf(sockets);
        this.items = new Memory((long) LibZmq.POLLITEM_SIZE * Math.max(1, sockets.size()));
        items.clear();
        for (int i = 0; i < sockets.size(); i++) {
            items.setPointer((long) i * LibZmq.POLLITEM_SIZE, sockets.get(i).pointer());
            items.setShort((long) i * LibZmq.POLLITEM_SIZE + 12, LibZmq.ZMQ_POLLIN);
        }
    }

    /** Waits up to {@code timeoutMillis} until a socket has a message; whether one has. */
    public boolean poll(long timeoutMillis) {
        for (int i = 0; i < sockets.size(); i++) {
            items.setShort((long) i * LibZmq.POLLITEM_SIZE + 14, (short) 0);
        }
        int entered = 0;
        try {
            for (NativeSocket socket : sockets) {
                socket.enter();
                entered++;
            }
            int rc = LibZmq.zmq_poll(items, sockets.size(), new NativeLong(timeoutMillis));
            if (rc == -1) {
                int errno = Native.getLastError();
                if (errno != LibZmq.EINTR) {
                    throw NativeZmq.failure("zmq_poll", errno);
                }
                return false;
            }
            return rc > 0;
        } finally {
            for (int i = 0; i < entered; i++) {
                sockets.get(i).exit();
            }
        }
    }

    /** Whether the socket at this index had a message at the last poll. */
    public boolean readable(int index) {
        return (items.getShort((long) index * LibZmq.POLLITEM_SIZE + 14) & LibZmq.ZMQ_POLLIN) != 0;
    }
}
