package io.videostream.connector.zeromq.internal.libzmq;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.videostream.connector.zeromq.internal.SharedContext;
import org.apache.flink.annotation.Internal;

/**
 * libzmq, the native ZeroMQ library, in this JVM: whether it is there, and its contexts. Every call
 * that fails throws {@link NativeZmqException} with libzmq's own words for the error.
 */
@Internal
public final class NativeZmq {
    private NativeZmq() {}

    /** Throws, in one line saying what to install (JNA's own reasons take several), if libzmq cannot be loaded here. */
    public static void requireAvailable(String neededFor) {
        Throwable failure = LibZmq.loadFailure();
        if (failure != null) {
            throw new IllegalStateException(neededFor + " needs the native libzmq (Debian package libzmq5) on every "
                    + "TaskManager; " + LibZmq.LIBRARY + " cannot be loaded: " + failure.getMessage().lines().findFirst()
                    .orElse(""), failure);
        }
    }

    /** libzmq's version, e.g. "4.3.4". */
    public static String version() {
        requireAvailable("the native ZeroMQ transport");
        int[] major = new int[1];
        int[] minor = new int[1];
        int[] patch = new int[1];
        LibZmq.zmq_version(major, minor, patch);
        return major[0] + "." + minor[0] + "." + patch[0];
    }

    /** Whether this libzmq was built with CURVE security (libsodium). */
    public static boolean hasCurve() {
        requireAvailable("CURVE security");
        return LibZmq.zmq_has("curve") == 1;
    }

    /** A new context, with libzmq's one I/O thread, for as many sockets as a jeromq context takes. */
    public static NativeContext context() {
        requireAvailable("the native ZeroMQ transport");
        Pointer context = LibZmq.zmq_ctx_new();
        if (context == null) {
            throw failure("zmq_ctx_new", Native.getLastError());
        }
        check(LibZmq.zmq_ctx_set(context, LibZmq.ZMQ_MAX_SOCKETS, SharedContext.MAX_SOCKETS), "zmq_ctx_set");
        return new NativeContext(context);
    }

    /** Throws for a return code of -1, with the error JNA saved right after the call. */
    static int check(int rc, String call) {
        if (rc == -1) {
            throw failure(call, Native.getLastError());
        }
        return rc;
    }

    static NativeZmqException failure(String call, int errno) {
        return new NativeZmqException(call + ": " + LibZmq.zmq_strerror(errno) + " (errno " + errno + ")", errno);
    }
}
