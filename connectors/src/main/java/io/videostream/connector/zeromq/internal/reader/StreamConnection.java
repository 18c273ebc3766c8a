package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import io.videostream.connector.zeromq.internal.socket.SocketSession;
import io.videostream.connector.zeromq.internal.socket.ZmqSocket;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * SUB, PULL and REP: one socket, messages arrive on their own; REP answers each with the schema's
 * reply once it is taken, so its senders wait for the job.
 */
@Internal
final class StreamConnection extends SplitConnection {
    /** Messages read per wake-up before the other sockets get their turn. */
    private static final int MAX_MESSAGES_PER_READ = 64;

    private final ZmqSocket socket;
    private final boolean replies;

    StreamConnection(SocketSession session, SocketKind kind, ZmqSplit split, MessageHandler<?> handler,
            SocketMetrics metrics) {
        super(split, handler);
        this.socket = session.open(kind, split.endpoint(), metrics);
        this.replies = kind == SocketKind.REP;
    }

    @Override
    List<ZmqSocket> sockets() {
        return List.of(socket);
    }

    @Override
    void read(ZmqSocket readable) {
        for (int i = 0; i < MAX_MESSAGES_PER_READ && !handler.batchFull(); i++) {
            List<byte[]> parts = socket.receive(true);
            if (parts == null) {
                return;
            }
            MessageKind kind = handler.handle(split, parts);
            if (replies) {
                socket.send(handler.reply());
            }
            if (kind == MessageKind.END_OF_STREAM || kind == MessageKind.LAST_DATA) {
                finish();
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close(Duration.ZERO);
    }
}
