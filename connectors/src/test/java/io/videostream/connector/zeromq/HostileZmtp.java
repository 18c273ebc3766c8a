package io.videostream.connector.zeromq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A hostile peer speaking ZMTP 3.0 over a plain TCP socket, so that it can say what no ZeroMQ
 * library would: message parts announced at any size, or bytes that are not ZMTP at all.
 */
public final class HostileZmtp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;

    private HostileZmtp(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(5000);
        out = socket.getOutputStream();
    }

    /** Connects and sends only what {@code bytes} holds: no greeting, no handshake. */
    public static HostileZmtp raw(int port, byte[] bytes) throws IOException {
        HostileZmtp peer = new HostileZmtp("127.0.0.1", port);
        peer.out.write(bytes);
        peer.out.flush();
        return peer;
    }

    /** Connects and completes the NULL handshake as a socket of type {@code socketType} (e.g. PUSH). */
    public static HostileZmtp handshaken(int port, String socketType) throws IOException {
        HostileZmtp peer = new HostileZmtp("127.0.0.1", port);
        peer.out.write(greeting());
        peer.out.write(ready(socketType));
        peer.out.flush();
        return peer;
    }

    /** Announces a last message part of {@code size} bytes (unsigned 64 bits) and sends {@code body}. */
    public HostileZmtp announce(long size, byte[] body) throws IOException {
        out.write(ByteBuffer.allocate(9).put((byte) 0x02).putLong(size).array());
        out.write(body);
        out.flush();
        return this;
    }

    private static byte[] greeting() {
        ByteBuffer greeting = ByteBuffer.allocate(64);
        greeting.put((byte) 0xFF).put(new byte[8]).put((byte) 0x7F); // signature
        greeting.put((byte) 3).put((byte) 0); // version 3.0
        greeting.put(ascii("NULL")).position(32); // mechanism, padded to 20 bytes
        greeting.put((byte) 0); // as-server: no; the rest is filler
        return greeting.array();
    }

    private static byte[] ready(String socketType) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(5);
        body.writeBytes(ascii("READY"));
        body.write(11);
        body.writeBytes(ascii("Socket-Type"));
        body.writeBytes(ByteBuffer.allocate(4).putInt(socketType.length()).array());
        body.writeBytes(ascii(socketType));
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        command.write(0x04); // a short command frame
        command.write(body.size());
        command.writeBytes(body.toByteArray());
        return command.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
