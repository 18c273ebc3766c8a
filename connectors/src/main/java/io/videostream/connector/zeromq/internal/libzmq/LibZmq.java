package io.videostream.connector.zeromq.internal.libzmq;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.apache.flink.annotation.Internal;

/**
 * Direct JNA mapping of the part of libzmq's C API the native transport uses, bound to the system's
 * {@code libzmq.so.5} (Debian package {@code libzmq5}, the library pyzmq binds). Errors are read with
 * {@link Native#getLastError()}, which JNA saves right after each call: {@code zmq_errno()} called
 * afterwards may see what the JVM did in between.
 */
@Internal
final class LibZmq {
    /** The library to bind; the system property {@code videostream.libzmq.library} may name another file. */
    static final String LIBRARY = System.getProperty("videostream.libzmq.library", "libzmq.so.5");

    static final int ZMQ_PAIR = 0;
    static final int ZMQ_PUB = 1;
    static final int ZMQ_SUB = 2;
    static final int ZMQ_REQ = 3;
    static final int ZMQ_REP = 4;
    static final int ZMQ_ROUTER = 6;
    static final int ZMQ_PULL = 7;
    static final int ZMQ_PUSH = 8;

    static final int ZMQ_SUBSCRIBE = 6;
    static final int ZMQ_LINGER = 17;
    static final int ZMQ_RECONNECT_IVL = 18;
    static final int ZMQ_MAXMSGSIZE = 22;
    static final int ZMQ_SNDHWM = 23;
    static final int ZMQ_RCVHWM = 24;
    static final int ZMQ_RCVTIMEO = 27;
    static final int ZMQ_SNDTIMEO = 28;
    static final int ZMQ_ROUTER_MANDATORY = 33;
    static final int ZMQ_CURVE_SERVER = 47;
    static final int ZMQ_CURVE_PUBLICKEY = 48;
    static final int ZMQ_CURVE_SECRETKEY = 49;
    static final int ZMQ_CURVE_SERVERKEY = 50;
    static final int ZMQ_ZAP_DOMAIN = 55;
    static final int ZMQ_HANDSHAKE_IVL = 66;
    static final int ZMQ_ZAP_ENFORCE_DOMAIN = 93;

    /** A context option: how many sockets it may hold (libzmq's default: 1023). */
    static final int ZMQ_MAX_SOCKETS = 2;

    static final int ZMQ_DONTWAIT = 1;
    static final int ZMQ_SNDMORE = 2;
    static final short ZMQ_POLLIN = 1;

    static final int EAGAIN = 11;
    static final int EHOSTUNREACH = 113;
    static final int EINTR = 4;
    /** libzmq's own error numbers start here; ETERM: the context is shutting down. */
    static final int ETERM = 156_384_712 + 53;

    /** Size of a {@code zmq_msg_t} (64 bytes, opaque). */
    static final int MSG_T_SIZE = 64;
    /** Size of a {@code zmq_pollitem_t} on 64-bit Linux: socket pointer, fd, events, revents. */
    static final int POLLITEM_SIZE = 16;

    private static final Throwable LOAD_FAILURE = register();

    private LibZmq() {}

    private static Throwable register() {
        try {
            Native.register(LibZmq.class, NativeLibrary.getInstance(LIBRARY));
            return null;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError from JNA's own native part
            return e;
        }
    }

    /** Why the library could not be bound, or null when it is ready. */
    static Throwable loadFailure() {
        return LOAD_FAILURE;
    }

    static native void zmq_version(int[] major, int[] minor, int[] patch);

    static native int zmq_has(String capability);

    static native String zmq_strerror(int errnum);

    static native Pointer zmq_ctx_new();

    static native int zmq_ctx_set(Pointer context, int option, int value);

    static native int zmq_ctx_shutdown(Pointer context);

    static native int zmq_ctx_term(Pointer context);

    static native Pointer zmq_socket(Pointer context, int type);

    static native int zmq_close(Pointer socket);

    static native int zmq_setsockopt(Pointer socket, int option, byte[] value, NativeLong length);

    static native int zmq_bind(Pointer socket, String endpoint);

    static native int zmq_connect(Pointer socket, String endpoint);

    static native int zmq_send(Pointer socket, byte[] buffer, NativeLong length, int flags);

    static native int zmq_msg_init(Pointer message);

    static native int zmq_msg_recv(Pointer message, Pointer socket, int flags);

    static native Pointer zmq_msg_data(Pointer message);

    static native int zmq_msg_more(Pointer message);

    static native int zmq_msg_close(Pointer message);

    static native int zmq_poll(Pointer items, int count, NativeLong timeoutMillis);

    static native int zmq_socket_monitor(Pointer socket, String endpoint, int events);
}
