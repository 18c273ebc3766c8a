package io.videostream.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a python3 script over many byte strings at once: the script reads {@code sys.argv[1]} and
 * writes {@code sys.argv[2]}, both a sequence of (4-byte big-endian length, bytes), one answer per
 * input. Needs {@code python3} on the PATH.
 */
final class PythonPickles {
    /** Python for reading the inputs ({@code inputs()}) and writing the answers ({@code answer(list)}). */
    static final String FRAMING = String.join("\n",
            "import pickle, struct, sys",
            "def inputs():",
            "    data, pos = open(sys.argv[1], 'rb').read(), 0",
            "    while pos < len(data):",
            "        (n,) = struct.unpack('>i', data[pos:pos + 4]); pos += 4",
            "        yield data[pos:pos + n]; pos += n",
            "def answer(out):",
            "    open(sys.argv[2], 'wb').write(b''.join(struct.pack('>i', len(a)) + a for a in out))",
            "");

    private PythonPickles() {}

    /** {@code script} follows {@link #FRAMING}. */
    static List<byte[]> run(Path dir, String script, List<byte[]> inputs) throws IOException, InterruptedException {
        Path in = dir.resolve("in.bin");
        Path out = dir.resolve("out.bin");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            for (byte[] input : inputs) {
                data.writeInt(input.length);
                data.write(input);
            }
        }
        Files.write(in, bytes.toByteArray());
        Process python = new ProcessBuilder("python3", "-c", FRAMING + script, in.toString(), out.toString())
                .redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        String output = new String(python.getInputStream().readAllBytes());
        assertThat(python.exitValue()).as("python3 failed: " + output).isZero();
        List<byte[]> result = new ArrayList<>();
        try (DataInputStream data = new DataInputStream(Files.newInputStream(out))) {
            while (data.available() > 0) {
                byte[] answer = new byte[data.readInt()];
                data.readFully(answer);
                result.add(answer);
            }
        }
        return result;
    }
}
