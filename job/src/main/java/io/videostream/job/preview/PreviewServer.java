package io.videostream.job.preview;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.videostream.codec.Frame;
import io.videostream.job.operators.ThrottledWarning;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live preview (pystreaming's {@code display}): a page with one MJPEG view per stream and its
 * frames per second, and a stop button (or ESC) that runs the stop action once.
 * {@code /} the page, {@code /status} the streams as JSON, {@code /view?stream=NAME} the MJPEG
 * stream, {@code POST /stop} stop. Requests that {@link SameOrigin} refuses get 403 and a log line
 * (at most one every 10 s).
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
    private final SameOrigin sameOrigin;
    private final ThrottledWarning refusals = new ThrottledWarning(LOG);
    private final String host;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * Serves on {@code address} (a name or IP address, resolved here; port 0: any free port);
     * {@code onStop} runs when the user stops the stream.
     */
    public PreviewServer(InetSocketAddress address, Runnable onStop) throws IOException {
        this.onStop = onStop;
        String name = address.getHostString();
        InetSocketAddress bind = new InetSocketAddress(name, address.getPort());
        if (bind.isUnresolved()) {
            throw new UnknownHostException("cannot resolve " + name);
        }
        sameOrigin = new SameOrigin(name);
        host = bind.getAddress().equals(InetAddress.getLoopbackAddress()) ? "localhost"
                : name.contains(":") ? "[" + name + "]" : name;
        server = HttpServer.create(bind, 0);
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "preview-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", checked(sameOrigin::refusedPage, this::page));
        server.createContext("/status", checked(sameOrigin::refusedRead, this::status));
        server.createContext("/view", checked(sameOrigin::refusedRead, this::view));
        server.createContext("/stop", checked(sameOrigin::refusedChange, this::stop));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where a browser finds the page: {@code localhost} on the loopback address, else the name or address bound to. */
    public String url() {
        return "http://" + host + ":" + port() + "/";
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
            String html = new String(page.readAllBytes(), StandardCharsets.UTF_8).replace("@TOKEN@", sameOrigin.token());
            // No other site may frame the page and have its user click Stop there.
            exchange.getResponseHeaders().set("Content-Security-Policy", "frame-ancestors 'none'");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            respond(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
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
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
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

    /** Hands the request to {@code handler} unless {@code refused} names a reason: then 403, logged. */
    private HttpHandler checked(Function<Headers, Optional<String>> refused, HttpHandler handler) {
        return exchange -> {
            Optional<String> reason = refused.apply(exchange.getRequestHeaders());
            if (reason.isEmpty()) {
                handler.handle(exchange);
                return;
            }
            synchronized (refusals) {
                refusals.warn("Preview refused {} {} from {}: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), exchange.getRemoteAddress(), reason.get());
            }
            respond(exchange, 403, "text/plain", "refused".getBytes(StandardCharsets.UTF_8));
        };
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
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
