package io.videostream.job.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview's HTTP side: the status, the MJPEG views, stop. */
class PreviewServerTest {
    private final AtomicInteger stops = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        server = new PreviewServer(0, stops::incrementAndGet);
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

    @Test
    void stopRunsTheStopActionOnceAndOnlyForAPost() throws Exception {
        assertThat(get("/stop").statusCode()).isEqualTo(405);
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        assertThat(stops).hasValue(1);
        assertThat(server.stopRequested()).isTrue();
        assertThat(get("/status").body()).startsWith("{\"stopped\":true");
    }
}
