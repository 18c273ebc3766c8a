package io.videostream.connector.zeromq.internal.libzmq;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.annotation.Internal;

/**
 * A libzmq context and the sockets made in it. Closing it shuts the context down first (a receive
 * blocked in another thread returns with ETERM), closes the sockets no thread is using, and ends the
 * context. Ending it waits for every socket to be closed (after its linger: 0 unless a sink sets one),
 * so if a thread still uses one, the context ends in a thread of its own once that socket is closed:
 * closing never hangs the caller.
 */
@Internal
public final class NativeContext implements AutoCloseable {
    private final Pointer context;
    private final Set<NativeSocket> sockets = ConcurrentHashMap.newKeySet();
    private boolean closed;

    NativeContext(Pointer context) {
        this.context = context;
    }

    /** A socket of a libzmq type ({@code ZMQ_PUSH}, ...), with a linger of 0. */
    public NativeSocket socket(NativeSocket.Type type) {
        Pointer socket = LibZmq.zmq_socket(context, type.code);
        if (socket == null) {
            throw NativeZmq.failure("zmq_socket", Native.getLastError());
        }
        NativeSocket created = new NativeSocket(this, socket, type);
        sockets.add(created);
        created.setLinger(0);
        return created;
    }

    void closed(NativeSocket socket) {
        sockets.remove(socket);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LibZmq.zmq_ctx_shutdown(context);
        sockets.removeIf(NativeSocket::closeIfIdle);
        if (sockets.isEmpty()) {
            LibZmq.zmq_ctx_term(context);
            return;
        }
        Thread term = new Thread(() -> LibZmq.zmq_ctx_term(context), "libzmq context end");
        term.setDaemon(true);
        term.start();
    }
}
