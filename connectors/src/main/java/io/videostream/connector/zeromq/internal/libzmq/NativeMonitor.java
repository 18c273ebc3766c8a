package io.videostream.connector.zeromq.internal.libzmq;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.annotation.Internal;

/**
 * libzmq's socket monitor for one native socket: the events of its connections (made, ended,
 * handshakes failed for protocol or authentication), read by the thread that owns the socket.
 * Closing it stops the socket's monitoring before its reader goes.
 */
@Internal
public final class NativeMonitor implements AutoCloseable {
    public static final int CONNECTED = 0x0001;
    public static final int ACCEPTED = 0x0020;
    public static final int DISCONNECTED = 0x0200;
    public static final int HANDSHAKE_FAILED_NO_DETAIL = 0x0800;
    public static final int HANDSHAKE_SUCCEEDED = 0x1000;
    public static final int HANDSHAKE_FAILED_PROTOCOL = 0x2000;
    public static final int HANDSHAKE_FAILED_AUTH = 0x4000;

    private static final int WATCHED = CONNECTED | ACCEPTED | DISCONNECTED | HANDSHAKE_FAILED_NO_DETAIL
            | HANDSHAKE_SUCCEEDED | HANDSHAKE_FAILED_PROTOCOL | HANDSHAKE_FAILED_AUTH;
    private static final AtomicInteger IDS = new AtomicInteger();

    /**
     * A connection event: what happened ({@link #CONNECTED}, ...), libzmq's value for it (for failed
     * handshakes the error or ZAP status code, e.g. 400) and the peer's address.
     */
    public record Event(int event, int value, String address) {}

    private final NativeSocket watched;
    private final NativeSocket events;

    NativeMonitor(NativeContext context, NativeSocket watched) {
        this.watched = watched;
        String endpoint = "inproc://libzmq-monitor-" + IDS.incrementAndGet();
        watched.monitor(endpoint, WATCHED);
        this.events = context.socket(NativeSocket.Type.PAIR);
        events.connect(endpoint);
    }

    /** The socket to poll for events. */
    public NativeSocket socket() {
        return events;
    }

    /** The events that are waiting, oldest first. */
    public List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        List<byte[]> message;
        while ((message = events.receive(true)) != null) {
            if (message.size() == 2 && message.get(0).length == 6) {
                ByteBuffer head = ByteBuffer.wrap(message.get(0)).order(ByteOrder.nativeOrder());
                drained.add(new Event(head.getShort() & 0xffff, head.getInt(),
                        new String(message.get(1), StandardCharsets.UTF_8)));
            }
        }
        return drained;
    }

    /** Stops the socket's monitoring, then closes the reader. */
    @Override
    public void close() {
        watched.monitor(null, 0);
        events.close();
    }
}
