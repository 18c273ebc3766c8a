package io.videostream.connector.zeromq.internal.libzmq;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zmq.util.Z85;

/**
 * ZeroMQ's authentication (ZAP, RFC 27) for the CURVE servers of a native context: a thread that
 * answers libzmq's question "may this client in?" for every CURVE handshake, yes only for clients
 * whose public key is in the allow-list (ZeroMQ's "ironhouse"). A refused client never gets a
 * message through; each refusal is handed to {@code refused} (the public key, Z85) to be counted
 * and logged. Its servers refuse every client while it does not run ({@link NativeSocket#setCurveServer}).
 */
@Internal
public final class ZapHandler implements AutoCloseable {
    /** Where libzmq asks, in the servers' context. */
    static final String ENDPOINT = "inproc://zeromq.zap.01";

    private static final Logger LOG = LoggerFactory.getLogger(ZapHandler.class);
    private static final byte[] VERSION = ascii("1.0");
    private static final long POLL_MILLIS = 100;

    private final NativeSocket socket;
    private final NativePoller poller;
    private final Set<String> allowed;
    private final Consumer<String> refused;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    /**
     * @param allowed the public keys (Z85) of the clients let in
     * @param refused told the public key (Z85) of each client refused, in the handler's thread
     */
    public ZapHandler(NativeContext context, Set<String> allowed, Consumer<String> refused) {
        this.allowed = Set.copyOf(allowed);
        this.refused = refused;
        this.socket = context.socket(NativeSocket.Type.REP);
        socket.bind(ENDPOINT);
        this.poller = new NativePoller(List.of(socket));
        this.thread = new Thread(this::run, "ZeroMQ ZAP handler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!stopped) {
                if (poller.poll(POLL_MILLIS)) {
                    List<byte[]> request = socket.receive(true);
                    if (request != null) {
                        socket.send(answer(request));
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                failure = e;
                LOG.error("The ZAP handler failed: its CURVE servers refuse every client from now on", e);
            }
        } finally {
            socket.close();
        }
    }

    /**
     * A request is [version, request id, domain, address, identity, mechanism, credentials...]; for
     * CURVE the one credential is the client's 32-byte public key. The answer is [version, request id,
     * status code, status text, user id, metadata].
     */
    private List<byte[]> answer(List<byte[]> request) {
        byte[] requestId = request.size() > 1 ? request.get(1) : new byte[0];
        String mechanism = request.size() > 5 ? new String(request.get(5), StandardCharsets.US_ASCII) : "";
        if (!mechanism.equals("CURVE") || request.size() != 7 || request.get(6).length != 32) {
            refused.accept(mechanism + " client");
            return List.of(VERSION, requestId, ascii("400"), ascii("CURVE clients only"), new byte[0], new byte[0]);
        }
        String clientKey = Z85.encode(request.get(6), 32);
        if (!allowed.contains(clientKey)) {
            refused.accept(clientKey);
            return List.of(VERSION, requestId, ascii("400"), ascii("unknown client key"), new byte[0], new byte[0]);
        }
        return List.of(VERSION, requestId, ascii("200"), ascii("OK"), ascii(clientKey), new byte[0]);
    }

    /** Why the handler stopped answering before it was closed, or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Stops answering (within {@value #POLL_MILLIS} ms) and closes the handler's socket. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
