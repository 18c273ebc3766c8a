package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a web page on another site can do with Flink's REST API (or the live preview) through the
 * browser of someone who visits it: the REST API must let no other origin in, and take no jar uploads.
 */
final class CrossOrigin {
    static final String OTHER_ORIGIN = "http://evil.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CrossOrigin() {}

    /**
     * The REST API at {@code rest} allows no other origin to read its answers nor to cancel
     * {@code job} (the browser's preflight for PATCH is not allowed), and has no jar upload.
     */
    static void assertRefused(String rest, String job) throws IOException, InterruptedException {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(rest + "/jobs/" + job + "?mode=cancel"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", OTHER_ORIGIN).header("Access-Control-Request-Method", "PATCH"));
        assertThat(preflight.headers().allValues("Access-Control-Allow-Origin"))
                .as("origins allowed to cancel the job (preflight answered %d)", preflight.statusCode())
                .doesNotContain("*", OTHER_ORIGIN);
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(rest + "/jobs/overview"))
                .header("Origin", OTHER_ORIGIN));
        assertThat(read.headers().allValues("Access-Control-Allow-Origin")).as("origins allowed to read the jobs")
                .doesNotContain("*", OTHER_ORIGIN);
        assertThat(send(HttpRequest.newBuilder(URI.create(rest + "/jars"))).statusCode()).as("GET /jars").isEqualTo(404);
        String upload = "--x\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"job.jar\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\nPK\r\n--x--\r\n";
        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(URI.create(rest + "/jars/upload"))
                .POST(HttpRequest.BodyPublishers.ofString(upload)).header("Content-Type", "multipart/form-data; boundary=x"));
        assertThat(uploaded.statusCode()).as("POST /jars/upload answered: %s", uploaded.body()).isBetween(400, 499);
    }

    /**
     * Headless Chromium opens a page served from another origin (127.0.0.1 on a port of its own)
     * whose script tries to read the jobs from the REST API at {@code rest} and to cancel
     * {@code job}; returns the page's text afterwards: "read: ..." or "read refused", "cancel
     * answered ..." or "cancel refused".
     */
    static String pageOnAnotherOrigin(String rest, String job, Path tmp) throws IOException, InterruptedException {
        String page = "<html><body><p id='read'>reading</p><p id='cancel'>cancelling</p><script>\n"
                + "const say = (id, text) => document.getElementById(id).textContent = text;\n"
                + "fetch('" + rest + "/jobs/overview').then(r => r.text())\n"
                + "  .then(t => say('read', 'read: ' + t), e => say('read', 'read refused'));\n"
                + "fetch('" + rest + "/jobs/" + job + "?mode=cancel', {method: 'PATCH'})\n"
                + "  .then(r => say('cancel', 'cancel answered ' + r.status), e => say('cancel', 'cancel refused'));\n"
                + "</script></body></html>";
        return pageOnAnotherOrigin(page, tmp);
    }

    /**
     * Headless Chromium opens {@code page} served from another origin (127.0.0.1 on a port of its
     * own) and lets its scripts run; returns its DOM afterwards.
     */
    static String pageOnAnotherOrigin(String page, Path tmp) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            return Chromium.dom("http://127.0.0.1:" + server.getAddress().getPort() + "/", tmp);
        } finally {
            server.stop(0);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
