package io.videostream.job.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview's HTTP side: the status, the MJPEG views, stop, and what it refuses. */
class PreviewServerTest {
    private final AtomicInteger stops = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        server = new PreviewServer(InetSocketAddress.createUnresolved("127.0.0.1", 0), stops::incrementAndGet);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Frame frame(String stream, long fno, byte... jpeg) {
        return Frame.encoded(stream, fno, 1.0 + fno / 30.0, null, jpeg);
    }

    @Test
    void thePageAndTheStatusListEveryStreamWithItsNewestFrame() throws Exception {
        server.publish(frame("cam \"a\"", 0, (byte) 1));
        server.publish(frame("cam \"a\"", 1, (byte) 2));
        server.publish(frame("b", 7, (byte) 3));

        assertThat(get("/").body()).contains("videostream preview", "Escape", "/stop");
        assertThat(get("/status").body()).startsWith("{\"stopped\":false,\"streams\":[")
                .contains("{\"name\":\"b\",", "\"frames\":1,\"fno\":7}")
                .contains("{\"name\":\"cam \\\"a\\\"\",", "\"frames\":2,\"fno\":1}");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/view?stream=unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void aViewSendsEachNewFrameAsAJpegPart() throws Exception {
        server.publish(frame("cam", 0, (byte) 0xFF, (byte) 0xD8, (byte) 1));
        HttpResponse<InputStream> view = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/view?stream=cam")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(view.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("multipart/x-mixed-replace; boundary="));
        try (InputStream parts = view.body()) {
            String first = readPart(parts);
            server.publish(frame("cam", 1, (byte) 0xFF, (byte) 0xD8, (byte) 2));
            String second = readPart(parts);
            assertThat(first).contains("Content-Type: image/jpeg", "Content-Length: 3").endsWith("\u00ff\u00d8\u0001");
            assertThat(second).endsWith("\u00ff\u00d8\u0002");
        }
    }

    /** Reads one part: the boundary line, the headers, and the 3-byte body. */
    private static String readPart(InputStream in) throws Exception {
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < 1000 && !part.toString().endsWith("\r\n\r\n"); i++) {
            part.append((char) in.read());
        }
        part.append(new String(in.readNBytes(3), StandardCharsets.ISO_8859_1));
        in.readNBytes(2); // CRLF after the body
        return part.toString();
    }

    /** The token of the page as served. */
    private String token() throws Exception {
        return token(get("/").body());
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"preview-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a token in the page").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> post(String path, String... headers) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            post.header(headers[i], headers[i + 1]);
        }
        return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stopRunsTheStopActionOnceAndOnlyForAPostWithThePagesToken() throws Exception {
        String token = token();
        assertThat(get("/stop").statusCode()).as("GET without the token").isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/stop"))
                .header(SameOrigin.TOKEN_HEADER, token).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("GET").isEqualTo(405);
        String origin = "http://localhost:" + server.port();
        assertThat(post("/stop", "Origin", origin).statusCode()).as("without the token").isEqualTo(403);
        assertThat(post("/stop", "Origin", "http://evil.example", SameOrigin.TOKEN_HEADER, token).statusCode())
                .as("from another origin").isEqualTo(403);
        assertThat(stops).hasValue(0);
        assertThat(get("/status").body()).startsWith("{\"stopped\":false");

        assertThat(post("/stop", "Origin", origin, SameOrigin.TOKEN_HEADER, token).statusCode()).isEqualTo(202);
        assertThat(post("/stop", SameOrigin.TOKEN_HEADER, token).statusCode()).as("without Origin").isEqualTo(202);
        assertThat(stops).hasValue(1);
        assertThat(server.stopRequested()).isTrue();
        assertThat(get("/status").body()).startsWith("{\"stopped\":true");
    }

    @Test
    void boundToAnotherAddressItsOwnOriginStopsAndLocalhostIsAnotherOne() throws Exception {
        try (PreviewServer bound = new PreviewServer(InetSocketAddress.createUnresolved("127.0.0.2", 0), stops::incrementAndGet)) {
            String page = "http://127.0.0.2:" + bound.port() + "/";
            assertThat(bound.url()).isEqualTo(page);
            String token = token(http.send(HttpRequest.newBuilder(URI.create(page)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            HttpRequest.Builder stop = HttpRequest.newBuilder(URI.create(page + "stop"))
                    .POST(HttpRequest.BodyPublishers.noBody()).header(SameOrigin.TOKEN_HEADER, token);
            assertThat(http.send(stop.copy().header("Origin", "http://localhost:" + bound.port()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            assertThat(http.send(stop.header("Origin", "http://127.0.0.2:" + bound.port()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
            assertThat(stops).hasValue(1);
        }
    }

    @Test
    void thePageCarriesTheTokenAndMayNotBeFramed() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContain("@TOKEN@").contains(token());
        assertThat(get("/status").headers().allValues("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anotherNameThatResolvesHereIsRefusedPageStatusViewAndStop() throws Exception {
        server.publish(frame("cam", 0, (byte) 1));
        for (String request : new String[] {"GET /", "GET /status", "GET /view?stream=cam", "POST /stop"}) {
            assertThat(statusLine(request, "evil.example:" + server.port())).as(request).startsWith("HTTP/1.1 403");
        }
        assertThat(statusLine("GET /status", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
        assertThat(stops).hasValue(0);
    }

    @Test
    void anotherOriginsPageCannotLoadTheStatusOrAView() throws Exception {
        server.publish(frame("cam", 0, (byte) 1));
        for (String path : new String[] {"/status", "/view?stream=cam"}) {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                    + path)).header("Sec-Fetch-Site", "cross-site").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(path).isEqualTo(403);
        }
    }

    /** The status line of the answer to {@code request} sent with {@code Host: host} (which HttpClient does not set). */
    private String statusLine(String request, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write((request + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }
}
