package io.videostream.connector.zeromq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A man in the middle on loopback: listens on a port of its own, forwards every connection to a target
 * port, and keeps every byte that crossed, both ways, to be searched for what must not be seen.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    /** What crossed, one stream per connection and direction. */
    private final List<ByteArrayOutputStream> seen = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    /** Forwards {@code tcp://127.0.0.1:<port>} to the port of {@code targetAddress} ({@code tcp://127.0.0.1:N}). */
    public TcpRelay(String targetAddress) throws IOException {
        this.target = port(targetAddress);
        this.listener = new ServerSocket(Ports.freePort(), 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "tcp-relay " + listener.getLocalPort() + " -> " + target);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where peers connect instead of the target. */
    public String address() {
        return "tcp://127.0.0.1:" + listener.getLocalPort();
    }

    /** How many bytes crossed so far. */
    public synchronized long size() {
        return seen.stream().mapToLong(ByteArrayOutputStream::size).sum();
    }

    /** Whether these bytes crossed the relay in one piece, in any connection and direction. */
    public boolean saw(byte[] needle) {
        List<byte[]> streams;
        synchronized (this) {
            streams = seen.stream().map(ByteArrayOutputStream::toByteArray).toList();
        }
        return streams.stream().anyMatch(haystack -> contains(haystack, needle));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Hex, for messages. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // closed, or the target is not there: that connection ends, the peer connects again
            }
        }
    }

    private void pump(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        ByteArrayOutputStream crossed = new ByteArrayOutputStream();
        synchronized (this) {
            seen.add(crossed);
        }
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 << 10];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (this) {
                        crossed.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // a side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-relay pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            sockets.forEach(TcpRelay::closeQuietly);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
