package io.videostream.connector.zeromq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback TCP ports for tests. */
public final class Ports {
    private Ports() {}

    /** A loopback address on a port that was free a moment ago, e.g. {@code tcp://127.0.0.1:40123}. */
    public static String freeAddress() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
