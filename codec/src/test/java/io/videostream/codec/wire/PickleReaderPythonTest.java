package io.videostream.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our reader against CPython's unpickler on pickled strings: both must accept the same pickles and
 * read the same text (UTF-16 code units, lone surrogates included). Needs {@code python3} on the PATH.
 */
class PickleReaderPythonTest {
    private static final String PYTHON = String.join("\n",
            "def read(p):",
            "    try:",
            "        return b'+' + pickle.loads(p).encode('utf-16-le', 'surrogatepass')",
            "    except Exception:",
            "        return b'-'",
            "answer([read(p) for p in inputs()])");

    /** Lead, continuation and never-valid bytes, more often than uniform random bytes would give them. */
    private static final int[] UTF8_BYTES = {0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
        0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xfe, 0xff};
    /** Backslashes, escape letters, hex and non-hex digits and Latin-1 bytes for raw-unicode-escape. */
    private static final byte[] ESCAPE_BYTES = "\\\\\\uUU0012aAfFdD8gx \u00e9\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    private final PickleReader reader = new PickleReader(1 << 20);

    @Test
    void acceptsAndReadsStringsExactlyAsCPythonDoes(@TempDir Path dir) throws Exception {
        Random random = new Random(11);
        List<byte[]> pickles = new ArrayList<>();
        for (String hex : List.of("c080", "e282", "ff", "eda080", "edb080", "eda0bdedb880", "f4908080", "e080af",
                "f08f8080", "80", "efbfbe", "00", "c3a9e282acf09f9880", "f09f98", "edbfbf")) {
            pickles.addAll(unicodePickles(HexFormat.of().parseHex(hex)));
        }
        for (int i = 0; i < 1500; i++) {
            byte[] text = new byte[1 + random.nextInt(6)];
            for (int k = 0; k < text.length; k++) {
                text[k] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : UTF8_BYTES[random.nextInt(UTF8_BYTES.length)]);
            }
            pickles.addAll(unicodePickles(text));
            pickles.add(protocol0Unicode(randomEscapes(random)));
            pickles.add(shortBinstring(text));
        }
        List<byte[]> python = PythonPickles.run(dir, PYTHON, pickles);
        assertThat(python).hasSameSizeAs(pickles);
        int refused = 0;
        for (int i = 0; i < pickles.size(); i++) {
            byte[] answer = python.get(i);
            refused += answer[0] == '-' ? 1 : 0;
            assertThat(HexFormat.of().formatHex(ours(pickles.get(i))))
                    .as("pickle %s", HexFormat.of().formatHex(pickles.get(i)))
                    .isEqualTo(HexFormat.of().formatHex(answer));
        }
        assertThat(refused).as("both kinds of case are there").isBetween(pickles.size() / 10, pickles.size() * 9 / 10);
    }

    /** What we answer in the script's terms: '+' and the text's UTF-16LE code units, or '-' for a refusal. */
    private byte[] ours(byte[] pickle) {
        try {
            String text = (String) reader.read(pickle, "meta");
            ByteBuffer units = ByteBuffer.allocate(1 + 2 * text.length()).order(ByteOrder.LITTLE_ENDIAN);
            units.put((byte) '+');
            text.chars().forEach(unit -> units.putChar((char) unit));
            return units.array();
        } catch (WireFormatException e) {
            return new byte[] {'-'};
        }
    }

    /** The text as SHORT_BINUNICODE (protocol 4), BINUNICODE (protocol 2) and BINUNICODE8 (protocol 4). */
    private static List<byte[]> unicodePickles(byte[] text) {
        ByteBuffer shortForm = ByteBuffer.allocate(text.length + 5).put(new byte[] {(byte) 0x80, 4, (byte) 0x8c, (byte) text.length});
        ByteBuffer form4 = ByteBuffer.allocate(text.length + 8).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x80, 2, 'X'}).putInt(text.length);
        ByteBuffer form8 = ByteBuffer.allocate(text.length + 12).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x80, 4, (byte) 0x8d}).putLong(text.length);
        return List.of(shortForm, form4, form8).stream().map(form -> form.put(text).put((byte) '.').array()).toList();
    }

    /** Protocol 0: {@code V<raw-unicode-escape text>\n.} */
    private static byte[] protocol0Unicode(byte[] text) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write('V');
        pickle.writeBytes(text);
        pickle.write('\n');
        pickle.write('.');
        return pickle.toByteArray();
    }

    /** A Python 2 str (SHORT_BINSTRING, protocol 2): Python 3 reads it as ASCII. */
    private static byte[] shortBinstring(byte[] text) {
        return ByteBuffer.allocate(text.length + 5).put(new byte[] {(byte) 0x80, 2, 'U', (byte) text.length})
                .put(text).put((byte) '.').array();
    }

    private static byte[] randomEscapes(Random random) {
        byte[] text = new byte[random.nextInt(14)];
        for (int k = 0; k < text.length; k++) {
            text[k] = ESCAPE_BYTES[random.nextInt(ESCAPE_BYTES.length)];
        }
        return text;
    }
}
