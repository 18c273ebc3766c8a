package io.videostream.job.io;

import io.videostream.codec.TestImages;
import io.videostream.connector.zeromq.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Python process speaking pystreaming's wire format (src/test/python/pystreaming_peer.py) or
 * imagezmq's (imagezmq_peer.py), on Debian's python3 with python3-zmq, which bin/install-deps
 * installs. It prints its result as JSON when it ends.
 */
final class PythonPeer implements AutoCloseable {
    private static final Path PYSTREAMING = Paths.get("src", "test", "python", "pystreaming_peer.py");
    private static final Path IMAGEZMQ = Paths.get("src", "test", "python", "imagezmq_peer.py");

    /** The JPEGs the Python streamer and distributor send: a frame, and the picture of STOPSTREAM. */
    static final String JPEG = fixture("a_p2p_pub_fno0");
    static final String STOP_JPEG = fixture("a_p2p_pub_stopstream");

    private final Process process;
    private final Path output;

    private PythonPeer(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** A pystreaming peer: {@code role endpoint ...}, as pystreaming_peer.py lists. */
    static PythonPeer start(Path workDir, String... args) throws IOException {
        return start(PYSTREAMING, workDir, args);
    }

    /** An imagezmq peer: {@code role endpoint ...}, as imagezmq_peer.py lists. */
    static PythonPeer imagezmq(Path workDir, String... args) throws IOException {
        return start(IMAGEZMQ, workDir, args);
    }

    private static PythonPeer start(Path script, Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Python.EXECUTABLE, script.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(workDir, args[0], ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new PythonPeer(process, output);
    }

    /** Waits for the peer to end and returns what it printed last, as JSON. */
    JsonNode result(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the Python peer did not end within " + seconds + " s: " + Files.readString(output));
        }
        String printed = Files.readString(output).trim();
        if (process.exitValue() != 0) {
            throw new AssertionError("the Python peer failed (exit " + process.exitValue() + "): " + printed);
        }
        return new ObjectMapper().readTree(printed.substring(printed.lastIndexOf('\n') + 1));
    }

    private static String fixture(String message) {
        return TestImages.fixtures().resolve(message).resolve("part0_buf.bin").toString();
    }

    /** The numbers of a JSON array the peer printed. */
    static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
