package io.videostream.connector.zeromq;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback TCP ports for tests. */
public final class Ports {
    private Ports() {}

    /**
     * A loopback address on a port that was free a moment ago, e.g. {@code tcp://127.0.0.1:21234}.
     * Ports come from below Linux's ephemeral range (32768 and up): a socket that keeps reconnecting
     * to an ephemeral port nobody listens on yet can end up connected to itself.
     */
    public static String freeAddress() {
        return "tcp://127.0.0.1:" + freePort();
    }

    /** A loopback port that was free a moment ago, between 20000 and 32000. */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback port between 20000 and 32000");
    }

    /**
     * Waits up to {@code seconds} until something listens on the loopback port of the address (read from
     * Linux's socket table, without connecting: a connection would be an event to the listener).
     */
    public static void awaitListening(String address, int seconds) throws IOException, InterruptedException {
        String port = String.format("%04X", Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
        for (int i = 0; i < seconds * 20; i++) {
            // jeromq (Java's sockets) listens on IPv6 sockets, 127.0.0.1 as ::ffff:127.0.0.1: in tcp6.
            for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].endsWith(":" + port) && fields[3].equals("0A")) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("nothing listens at " + address + " after " + seconds + " s");
    }
}
