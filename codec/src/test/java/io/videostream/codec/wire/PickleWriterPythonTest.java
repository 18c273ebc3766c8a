package io.videostream.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our pickles against CPython's: Python loads each pickle we wrote and dumps it again with protocol 4
 * (what pyzmq's send_pyobj does); the bytes must be the same. Needs {@code python3} on the PATH.
 */
class PickleWriterPythonTest {
    private static final String PYTHON = String.join("\n",
            "import pickle, struct, sys",
            "data = open(sys.argv[1], 'rb').read()",
            "out, pos = [], 0",
            "while pos < len(data):",
            "    (n,) = struct.unpack('>i', data[pos:pos + 4]); pos += 4",
            "    value = pickle.loads(data[pos:pos + n]); pos += n",
            "    again = pickle.dumps(value, protocol=4)",
            "    out.append(struct.pack('>i', len(again)) + again)",
            "open(sys.argv[2], 'wb').write(b''.join(out))");

    @Test
    void writesWhatCPythonWrites(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        List<Object> values = new ArrayList<>(List.of(
                0L, 255L, 256L, 65535L, 65536L, -1L, -2L, -3L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE,
                1L << 31, -(1L << 31) - 1, 1L << 39, -(1L << 39), Long.MAX_VALUE, Long.MIN_VALUE,
                0.0, -0.0, 1795484676.7572846, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                true, false, "a string meta", "ü€😀 unicode", "x".repeat(255), "x".repeat(256), "y".repeat(70_000),
                new byte[0], new byte[300], new byte[70_000], List.of(), List.of(1L), Map.of(), Map.of("k", 1L),
                Collections.nCopies(1001, 5L), sequentialDict(1000), sequentialDict(2500), largeList()));
        values.add(null);
        for (int i = 0; i < 300; i++) {
            values.add(randomValue(random, 4));
        }
        List<byte[]> ours = values.stream().map(PickleWriter::write).toList();
        List<byte[]> python = throughPython(dir, ours);
        assertThat(python).hasSameSizeAs(ours);
        for (int i = 0; i < values.size(); i++) {
            assertThat(ours.get(i)).as("pickle of value %d (%s)", i, describe(values.get(i))).isEqualTo(python.get(i));
        }
    }

    private static Map<Object, Object> sequentialDict(int size) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put("key" + i, (long) i);
        }
        return map;
    }

    /** Larger than a frame (64 KiB) in many small pieces: frames are cut between opcodes. */
    private static List<Object> largeList() {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            list.add("item-" + i);
        }
        return list;
    }

    private static String describe(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /**
     * A random plain value. Strings have at least two characters: CPython shares one-character and
     * empty strings, so equal ones come back as one object and are pickled by reference.
     */
    static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt(3) == 0 ? random.nextLong() : (long) random.nextInt(70_000) - 5;
            case 3:
                return random.nextDouble() * Math.pow(10, random.nextInt(20) - 5);
            case 4: {
                StringBuilder text = new StringBuilder();
                int length = 2 + random.nextInt(random.nextInt(10) == 0 ? 400 : 12);
                for (int i = 0; i < length; i++) {
                    text.appendCodePoint(random.nextInt(5) == 0 ? 0x4e00 + random.nextInt(200) : 'a' + random.nextInt(26));
                }
                return text.toString();
            }
            case 5: {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 6:
            case 7: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                return list;
            }
            default: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    Object key = random.nextBoolean() ? "k" + random.nextInt(1000) : (Object) (long) random.nextInt(1000);
                    map.put(key, randomValue(random, depth - 1));
                }
                return map;
            }
        }
    }

    private static List<byte[]> throughPython(Path dir, List<byte[]> pickles) throws IOException, InterruptedException {
        Path in = dir.resolve("in.bin");
        Path out = dir.resolve("out.bin");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            for (byte[] pickle : pickles) {
                data.writeInt(pickle.length);
                data.write(pickle);
            }
        }
        Files.write(in, bytes.toByteArray());
        Process python = new ProcessBuilder("python3", "-c", PYTHON, in.toString(), out.toString())
                .redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        String output = new String(python.getInputStream().readAllBytes());
        assertThat(python.exitValue()).as("python3 failed: " + output).isZero();
        List<byte[]> result = new ArrayList<>();
        try (DataInputStream data = new DataInputStream(Files.newInputStream(out))) {
            while (data.available() > 0) {
                byte[] pickle = new byte[data.readInt()];
                data.readFully(pickle);
                result.add(pickle);
            }
        }
        return result;
    }
}
