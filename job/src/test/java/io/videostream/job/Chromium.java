package io.videostream.job;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium looking at a page as a person would: a screenshot, the DOM it rendered,
 * or an open page whose user acts through scripts (the DevTools protocol).
 */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    /** How long scripts may run (virtual time) before the page is taken. */
    private static final int SCRIPT_MILLIS = 8000;

    private Chromium() {}

    /** A PNG screenshot of the page. */
    static Path screenshot(String url, Path png, Path profile) throws IOException, InterruptedException {
        run(profile, "--window-size=1000,800", "--screenshot=" + png, url);
        return png;
    }

    /** The page's DOM after its scripts ran. */
    static String dom(String url, Path profile) throws IOException, InterruptedException {
        return run(profile, "--dump-dom", url);
    }

    /** Opens {@code url} in a Chromium that runs until the page is closed; returns once its document is parsed. */
    static Page open(String url, Path profile) throws IOException, InterruptedException {
        if (url.contains("\"") || url.contains("\\")) {
            throw new IllegalArgumentException("no double quotes or backslashes: " + url);
        }
        Path userData = Files.createTempDirectory(profile, "chromium");
        Process chromium = new ProcessBuilder(command(userData, "--remote-debugging-port=0", "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Page page = null;
        try {
            page = new Page(chromium, pageSocket(userData.resolve("DevToolsActivePort")));
            page.send("Page.enable", "{}");
            page.post("Page.navigate", "{\"url\":\"" + url + "\"}");
            page.await("{\"method\":\"Page.domContentEventFired\"", "the page " + url);
            return page;
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (page != null) {
                page.close();
            }
            chromium.destroyForcibly();
            throw e;
        }
    }

    /** The DevTools address of the browser's one page, once the browser has written its port. */
    private static URI pageSocket(Path portFile) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Pattern page = Pattern.compile("\"webSocketDebuggerUrl\":\\s*\"(ws://[^\"]+/devtools/page/[^\"]+)\"");
        for (int i = 0; i < 300; i++) {
            List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
            if (!lines.isEmpty()) {
                String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lines.get(0)
                        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = page.matcher(targets);
                if (m.find()) {
                    return URI.create(m.group(1));
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromium showed no page within 30 s");
    }

    private static List<String> command(Path userData, String... args) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: bin/install-deps installs Debian's chromium");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + userData));
        command.addAll(List.of(args));
        return command;
    }

    private static String run(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = command(Files.createTempDirectory(profile, "chromium"),
                "--virtual-time-budget=" + SCRIPT_MILLIS);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(profile, "chromium", ".out");
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 60 s: " + command);
        }
        if (chromium.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + chromium.exitValue() + ": " + command);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A page open in Chromium; closing it ends the browser. */
    static final class Page implements AutoCloseable {
        private static final Pattern STRING_VALUE = Pattern.compile("\"type\":\"string\",\"value\":\"([^\"\\\\]*)\"");
        private final Process chromium;
        private final WebSocket socket;
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private int requests;

        private Page(Process chromium, URI socketUri) {
            this.chromium = chromium;
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(socketUri, new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        messages.add(message.toString());
                        message.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).join();
        }

        /**
         * Runs {@code expression} (JavaScript without double quotes or backslashes) in the page,
         * waits for the promise it may return, and returns the string it yields.
         */
        String evaluate(String expression) throws InterruptedException {
            if (expression.contains("\"") || expression.contains("\\")) {
                throw new IllegalArgumentException("no double quotes or backslashes: " + expression);
            }
            String answer = send("Runtime.evaluate", "{\"expression\":\"" + expression
                    + "\",\"awaitPromise\":true,\"returnByValue\":true}");
            Matcher value = STRING_VALUE.matcher(answer);
            if (!value.find()) {
                throw new IllegalStateException("no string from " + expression + ": " + answer);
            }
            return value.group(1);
        }

        /** Sends a DevTools command ({@code params} a JSON object) and returns its answer. */
        private String send(String method, String params) throws InterruptedException {
            return await("{\"id\":" + post(method, params) + ",", method);
        }

        /** Sends a DevTools command and returns its id, not waiting for the answer. */
        private int post(String method, String params) {
            int id = ++requests;
            socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
            return id;
        }

        /** The next message that starts with {@code start}, within 30 s. */
        private String await(String start, String what) throws InterruptedException {
            for (int i = 0; i < 300; i++) {
                String message = messages.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && message.startsWith(start)) {
                    return message;
                }
            }
            throw new IllegalStateException("chromium did not answer within 30 s: " + what);
        }

        /**
         * Ends the browser and the processes it started (renderers, utilities), which write into its
         * profile until they end: a test's temporary directory is deleted right after.
         */
        @Override
        public void close() throws InterruptedException {
            socket.abort();
            List<ProcessHandle> processes = new ArrayList<>(chromium.descendants().toList());
            processes.add(0, chromium.toHandle());
            processes.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : processes) {
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
