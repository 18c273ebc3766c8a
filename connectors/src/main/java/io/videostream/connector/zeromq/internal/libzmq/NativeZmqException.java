package io.videostream.connector.zeromq.internal.libzmq;

import org.apache.flink.annotation.Internal;

/** A libzmq call failed; {@link #errno()} says why, as libzmq's {@code errno}. */
@Internal
public final class NativeZmqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    NativeZmqException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
