package io.videostream.connector.zeromq.common;

import org.apache.flink.annotation.PublicEvolving;

/** Which ZeroMQ implementation carries a source's or sink's sockets ({@link ZmqOptions#TRANSPORT}). */
@PublicEvolving
public enum ZmqTransport {
    /** jeromq, pure Java: needs nothing installed; plain (unencrypted) sockets only. */
    JEROMQ,
    /**
     * The native libzmq (Debian package {@code libzmq5}, the library pyzmq binds), through JNA: needed
     * for CURVE encryption; it must be installed on every TaskManager.
     */
    LIBZMQ
}
