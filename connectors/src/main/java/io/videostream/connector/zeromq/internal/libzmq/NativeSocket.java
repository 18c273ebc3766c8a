package io.videostream.connector.zeromq.internal.libzmq;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.annotation.Internal;

/**
 * A libzmq socket. libzmq sockets are not thread-safe, and two threads in one crash the JVM (not
 * only the task): every call here first takes the socket for its thread and fails, with an
 * {@link IllegalStateException} naming both threads, if another thread is inside a call on it. A
 * socket may move from one thread to another between calls. Native calls do not see
 * {@link Thread#interrupt()}: waits are bounded by the socket's timeouts or a poll's.
 */
@Internal
public final class NativeSocket implements AutoCloseable {
    /** The socket types the connector uses, with libzmq's numbers. */
    public enum Type {
        PAIR(LibZmq.ZMQ_PAIR), PUB(LibZmq.ZMQ_PUB), SUB(LibZmq.ZMQ_SUB), REQ(LibZmq.ZMQ_REQ), REP(LibZmq.ZMQ_REP),
        PULL(LibZmq.ZMQ_PULL), PUSH(LibZmq.ZMQ_PUSH), ROUTER(LibZmq.ZMQ_ROUTER);

        final int code;

        Type(int code) {
            this.code = code;
        }
    }

    private final NativeContext context;
    private final Pointer socket;
    private final Type type;
    private final Memory message = new Memory(LibZmq.MSG_T_SIZE);
    private final AtomicReference<Thread> user = new AtomicReference<>();
    private boolean closed;
    /** Whether the part received last has more parts after it. */
    private boolean more;

    NativeSocket(NativeContext context, Pointer socket, Type type) {
        this.context = context;
        this.socket = socket;
        this.type = type;
    }

    Pointer pointer() {
        return socket;
    }

    public Type type() {
        return type;
    }

    public void setLinger(int millis) {
        setInt(LibZmq.ZMQ_LINGER, millis, "ZMQ_LINGER");
    }

    public void setHighWaterMarks(int send, int receive) {
        setInt(LibZmq.ZMQ_SNDHWM, send, "ZMQ_SNDHWM");
        setInt(LibZmq.ZMQ_RCVHWM, receive, "ZMQ_RCVHWM");
    }

    /** The largest part a peer may send; a peer that announces a larger one is disconnected. */
    public void setMaxMessageSize(long bytes) {
        setOption(LibZmq.ZMQ_MAXMSGSIZE, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(bytes).array(),
                "ZMQ_MAXMSGSIZE");
    }

    /** How long a send or a receive waits (-1: until it can). */
    public void setTimeouts(int sendMillis, int receiveMillis) {
        setInt(LibZmq.ZMQ_SNDTIMEO, sendMillis, "ZMQ_SNDTIMEO");
        setInt(LibZmq.ZMQ_RCVTIMEO, receiveMillis, "ZMQ_RCVTIMEO");
    }

    public void setReconnectInterval(int millis) {
        setInt(LibZmq.ZMQ_RECONNECT_IVL, millis, "ZMQ_RECONNECT_IVL");
    }

    public void setHandshakeInterval(int millis) {
        setInt(LibZmq.ZMQ_HANDSHAKE_IVL, millis, "ZMQ_HANDSHAKE_IVL");
    }

    public void subscribe(byte[] prefix) {
        setOption(LibZmq.ZMQ_SUBSCRIBE, prefix, "ZMQ_SUBSCRIBE");
    }

    /** ROUTER: a message for a peer that is gone is not sent, and the send says so (EHOSTUNREACH). */
    public void setRouterMandatory() {
        setInt(LibZmq.ZMQ_ROUTER_MANDATORY, 1, "ZMQ_ROUTER_MANDATORY");
    }

    /**
     * CURVE as the server: its secret key (Z85 text). Clients get in only through a {@link ZapHandler}:
     * without one (not started, stopped, failed) every client is refused, where libzmq would let every
     * one in.
     */
    public void setCurveServer(String secretKey) {
        setInt(LibZmq.ZMQ_CURVE_SERVER, 1, "ZMQ_CURVE_SERVER");
        setInt(LibZmq.ZMQ_ZAP_ENFORCE_DOMAIN, 1, "ZMQ_ZAP_ENFORCE_DOMAIN");
        setOption(LibZmq.ZMQ_CURVE_SECRETKEY, z85(secretKey), "ZMQ_CURVE_SECRETKEY");
    }

    /** CURVE as a client: its own key pair and the server's public key (Z85 text). */
    public void setCurveClient(String publicKey, String secretKey, String serverKey) {
        setOption(LibZmq.ZMQ_CURVE_PUBLICKEY, z85(publicKey), "ZMQ_CURVE_PUBLICKEY");
        setOption(LibZmq.ZMQ_CURVE_SECRETKEY, z85(secretKey), "ZMQ_CURVE_SECRETKEY");
        setOption(LibZmq.ZMQ_CURVE_SERVERKEY, z85(serverKey), "ZMQ_CURVE_SERVERKEY");
    }

    public void setZapDomain(String domain) {
        setOption(LibZmq.ZMQ_ZAP_DOMAIN, domain.getBytes(StandardCharsets.US_ASCII), "ZMQ_ZAP_DOMAIN");
    }

    /** A monitor of this socket's connections, to be read and closed by the thread that owns the socket. */
    public NativeMonitor monitor() {
        return new NativeMonitor(context, this);
    }

    /** Starts (or with a null endpoint, stops) libzmq's monitoring of this socket to an inproc PAIR endpoint. */
    void monitor(String endpoint, int events) {
        enter();
        try {
            NativeZmq.check(LibZmq.zmq_socket_monitor(socket, endpoint, events), "monitor " + type);
        } finally {
            exit();
        }
    }

    public void bind(String endpoint) {
        enter();
        try {
            NativeZmq.check(LibZmq.zmq_bind(socket, endpoint), "bind " + type + " to " + endpoint);
        } finally {
            exit();
        }
    }

    public void connect(String endpoint) {
        enter();
        try {
            NativeZmq.check(LibZmq.zmq_connect(socket, endpoint), "connect " + type + " to " + endpoint);
        } finally {
            exit();
        }
    }

    /**
     * Sends a whole message; false if its first part could not be queued within the send timeout
     * (the rest of a message always follows its first part).
     */
    public boolean send(List<byte[]> parts) {
        enter();
        try {
            int last = parts.size() - 1;
            for (int i = 0; i <= last; i++) {
                byte[] part = parts.get(i);
                int rc = LibZmq.zmq_send(socket, part, new NativeLong(part.length), i < last ? LibZmq.ZMQ_SNDMORE : 0);
                if (rc == -1) {
                    int errno = Native.getLastError();
                    if (i == 0 && (errno == LibZmq.EAGAIN || errno == LibZmq.EHOSTUNREACH)) {
                        return false;
                    }
                    throw NativeZmq.failure("send on " + type, errno);
                }
            }
            return true;
        } finally {
            exit();
        }
    }

    /**
     * Receives one whole message.
     *
     * @param dontWait return at once if none is there, instead of waiting up to the receive timeout
     * @return the parts, or null if no message came
     */
    public List<byte[]> receive(boolean dontWait) {
        enter();
        try {
            byte[] first = receivePart(dontWait ? LibZmq.ZMQ_DONTWAIT : 0);
            if (first == null) {
                return null;
            }
            List<byte[]> parts = new ArrayList<>(5);
            parts.add(first);
            while (more) {
                parts.add(receivePart(0)); // the rest of a message is there once its first part is
            }
            return parts;
        } finally {
            exit();
        }
    }

    private byte[] receivePart(int flags) {
        NativeZmq.check(LibZmq.zmq_msg_init(message), "zmq_msg_init");
        int size = LibZmq.zmq_msg_recv(message, socket, flags);
        if (size == -1) {
            int errno = Native.getLastError();
            LibZmq.zmq_msg_close(message);
            if (errno == LibZmq.EAGAIN || errno == LibZmq.EINTR) {
                return null;
            }
            throw NativeZmq.failure("receive on " + type, errno);
        }
        byte[] part = LibZmq.zmq_msg_data(message).getByteArray(0, size);
        more = LibZmq.zmq_msg_more(message) == 1;
        LibZmq.zmq_msg_close(message);
        return part;
    }

    /** Closes the socket; it sends what it holds for up to its linger, in libzmq's I/O thread. */
    @Override
    public void close() {
        enter();
        try {
            closeNow();
        } finally {
            exit();
        }
    }

    /** Closes the socket unless a thread is inside a call on it; whether it is closed now. */
    boolean closeIfIdle() {
        if (!user.compareAndSet(null, Thread.currentThread())) {
            return false;
        }
        try {
            closeNow();
            return true;
        } finally {
            exit();
        }
    }

    private void closeNow() {
        if (!closed) {
            closed = true;
            LibZmq.zmq_close(socket);
            context.closed(this);
        }
    }

    private void setInt(int option, int value, String name) {
        setOption(option, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array(), name);
    }

    private void setOption(int option, byte[] value, String name) {
        enter();
        try {
            NativeZmq.check(LibZmq.zmq_setsockopt(socket, option, value, new NativeLong(value.length)),
                    "set " + name + " on " + type);
        } finally {
            exit();
        }
    }

    private static byte[] z85(String key) {
        if (key.length() != 40) {
            throw new IllegalArgumentException("a CURVE key in Z85 text has 40 characters, not " + key.length());
        }
        return key.getBytes(StandardCharsets.US_ASCII);
    }

    /** Takes the socket for this thread, or fails if another thread is inside a call on it. */
    void enter() {
        Thread current = Thread.currentThread();
        if (!user.compareAndSet(null, current)) {
            Thread other = user.get();
            throw new IllegalStateException("a libzmq " + type + " socket used by two threads at once ('"
                    + current.getName() + "' while '" + (other == null ? "?" : other.getName())
                    + "' is in it): that would crash the JVM");
        }
        if (closed) {
            user.set(null);
            throw new IllegalStateException("a closed libzmq " + type + " socket used");
        }
    }

    void exit() {
        user.set(null);
    }
}
