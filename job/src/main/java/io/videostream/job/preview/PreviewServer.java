package io.videostream.job.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.videostream.codec.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live preview (pystreaming's {@code display}) on loopback: a page with one MJPEG view per stream
 * and its frames per second, and a stop button (or ESC) that runs the stop action once.
 * {@code /} the page, {@code /status} the streams as JSON, {@code /view?stream=NAME} the MJPEG
 * stream, {@code POST /stop} stop.
 */
public final class PreviewServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewServer.class);
    /** Viewers served at once; each holds a thread while it watches. */
    private static final int MAX_VIEWERS = 8;
    private static final String BOUNDARY = "videostream-frame";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Semaphore viewers = new Semaphore(MAX_VIEWERS);
    private final Map<String, StreamView> streams = new ConcurrentSkipListMap<>();
    private final Runnable onStop;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean closed;

    /** Serves on {@code localhost:port} (0: any free port); {@code onStop} runs when the user stops the stream. */
    public PreviewServer(int port, Runnable onStop) throws IOException {
        this.onStop = onStop;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "preview-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::page);
        server.createContext("/status", this::status);
        server.createContext("/view", this::view);
        server.createContext("/stop", this::stop);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Shows a JPEG frame as its stream's newest. */
    public void publish(Frame frame) {
        streams.computeIfAbsent(frame.stream(), name -> new StreamView()).update(frame);
    }

    /** Whether the user asked to stop. */
    public boolean stopRequested() {
        return stopped.get();
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream page = PreviewServer.class.getResourceAsStream("index.html")) {
            respond(exchange, 200, "text/html; charset=utf-8", page.readAllBytes());
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        String json = "{\"stopped\":" + stopped.get() + ",\"streams\":["
                + streams.entrySet().stream().map(e -> e.getValue().json(e.getKey())).collect(Collectors.joining(","))
                + "]}";
        respond(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private void stop(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, "text/plain", "POST to stop".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (stopped.compareAndSet(false, true)) {
            LOG.info("Stop requested from the preview page");
            onStop.run();
        }
        respond(exchange, 202, "text/plain", "stopping".getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the stream's frames as they come, until the viewer leaves or the server closes. */
    private void view(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String name = query != null && query.startsWith("stream=")
                ? URLDecoder.decode(query.substring("stream=".length()), StandardCharsets.UTF_8) : null;
        StreamView stream = name == null ? null : streams.get(name);
        if (stream == null) {
            respond(exchange, 404, "text/plain", ("no stream " + name).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!viewers.tryAcquire()) {
            respond(exchange, 503, "text/plain", "too many viewers".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            long seen = 0;
            while (!closed) {
                StreamView.Snapshot frame = stream.awaitNewer(seen, 1000);
                if (frame == null) {
                    continue;
                }
                seen = frame.frames();
                out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + frame.jpeg().length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(frame.jpeg());
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException viewerLeft) {
            // the browser closed the view
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            viewers.release();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A JSON string. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
