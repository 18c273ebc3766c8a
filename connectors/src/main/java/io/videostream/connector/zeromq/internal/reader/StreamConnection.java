package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.internal.ConnectionMonitor;
import io.videostream.connector.zeromq.internal.Multipart;
import io.videostream.connector.zeromq.internal.SocketConfig;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.ZmqSockets;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** SUB and PULL: one socket, messages arrive on their own. */
@Internal
final class StreamConnection extends SplitConnection {
    /** Messages read per wake-up before the other sockets get their turn. */
    private static final int MAX_MESSAGES_PER_READ = 64;

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final ConnectionMonitor monitor;

    StreamConnection(ZContext context, SocketType type, ZmqSplit split, SocketConfig config, MessageHandler<?> handler,
            SocketMetrics metrics) {
        super(split, handler);
        this.context = context;
        String description = type + " " + split.endpoint();
        this.socket = ZmqSockets.create(context, type, config, description, metrics);
        if (type == SocketType.SUB) {
            socket.subscribe(new byte[0]);
        }
        this.monitor = new ConnectionMonitor(context, socket, description, metrics);
        ZmqSockets.attach(context, socket, split.endpoint());
    }

    @Override
    List<ZMQ.Socket> sockets() {
        return List.of(socket, monitor.socket());
    }

    @Override
    List<ConnectionMonitor> monitors() {
        return List.of(monitor);
    }

    @Override
    void read(ZMQ.Socket readable) {
        if (readMonitor(readable)) {
            return;
        }
        for (int i = 0; i < MAX_MESSAGES_PER_READ && !handler.batchFull(); i++) {
            List<byte[]> parts = Multipart.receive(socket, ZMQ.DONTWAIT);
            if (parts == null) {
                return;
            }
            MessageKind kind = handler.handle(split, parts);
            if (kind == MessageKind.END_OF_STREAM || kind == MessageKind.LAST_DATA) {
                finish();
                return;
            }
        }
    }

    @Override
    public void close() {
        monitor.close();
        context.destroySocket(socket);
    }
}
