package io.videostream.connector.zeromq;

import io.videostream.connector.zeromq.internal.Multipart;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A plain jeromq peer running beside a job, in its own thread with its own context. */
public final class Peer<R> implements AutoCloseable {
    /** What the peer does; it must end by itself (bounded loops, timeouts). */
    public interface Script<R> {
        R run(ZContext context) throws Exception;
    }

    private static final int HANDSHAKE_MILLIS = 300;

    private final ZContext context = new ZContext(1);
    private final CompletableFuture<R> result = new CompletableFuture<>();

    private Peer(Script<R> script) {
        Thread thread = new Thread(() -> {
            try {
                result.complete(script.run(context));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "test-peer");
        thread.setDaemon(true);
        thread.start();
    }

    public static <R> Peer<R> start(Script<R> script) {
        return new Peer<>(script);
    }

    /**
     * Connects a test peer's socket. jeromq can leave a fresh outgoing connection stalled before its
     * handshake (see {@code ConnectionMonitor}, which repairs it for the connector's own sockets); a
     * short handshake timeout makes a test peer retry after {@value #HANDSHAKE_MILLIS} ms, not 30 s.
     */
    public static void connect(ZMQ.Socket socket, String address) {
        socket.setHandshakeIvl(HANDSHAKE_MILLIS);
        socket.connect(address);
    }

    /** Sends a whole multipart message; false if the socket had no room for it within its send timeout. */
    public static boolean send(ZMQ.Socket socket, List<byte[]> parts) {
        return Multipart.send(socket, parts);
    }

    /** Receives a whole multipart message, waiting up to the socket's receive timeout; null if none came. */
    public static List<byte[]> receive(ZMQ.Socket socket) {
        return Multipart.receive(socket, 0);
    }

    /** Waits for the script's result. */
    public R result(long seconds) throws InterruptedException, ExecutionException, TimeoutException {
        return result.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        context.close();
    }
}
