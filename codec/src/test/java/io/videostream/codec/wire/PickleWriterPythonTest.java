package io.videostream.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our pickles against CPython's: Python loads each pickle we wrote and dumps it again with protocol 4
 * (what pyzmq's send_pyobj does); the bytes must be the same. Needs {@code python3} on the PATH.
 */
class PickleWriterPythonTest {
    private static final String PYTHON =
            "answer([pickle.dumps(pickle.loads(p), protocol=4) for p in inputs()])";

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
        List<byte[]> python = PythonPickles.run(dir, PYTHON, ours);
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
}
