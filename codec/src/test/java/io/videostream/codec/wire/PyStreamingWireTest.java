package io.videostream.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** pystreaming's messages, as captured from the real library, and what must never get through. */
class PyStreamingWireTest {
    private final PyStreamingWire wire = new PyStreamingWire();

    static Stream<Path> frameMessages() throws IOException {
        return Files.list(TestImages.fixtures()).filter(dir -> Files.exists(dir.resolve("part3_fno.bin"))).sorted();
    }

    private static List<byte[]> parts(Path message) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(message.resolve("manifest.json").toFile());
        List<byte[]> parts = new ArrayList<>();
        for (JsonNode part : manifest.get("parts")) {
            parts.add(Files.readAllBytes(message.resolve(part.get("file").asText())));
        }
        return parts;
    }

    @ParameterizedTest
    @MethodSource("frameMessages")
    void decodesEveryCapturedMessageAsTheManifestSays(Path message) throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(message.resolve("manifest.json").toFile()).get("parts");
        Frame frame = wire.decode("cam", parts(message));

        assertThat(frame.fno()).isEqualTo(Long.parseLong(manifest.get(3).get("value").asText()));
        assertThat(frame.ftime()).isEqualTo(Double.parseDouble(manifest.get(2).get("value").asText()));
        String meta = manifest.get(1).get("value").asText();
        assertThat(frame.meta()).isEqualTo(meta.equals("None") ? null : meta.substring(1, meta.length() - 1));
        assertThat(frame.stream()).isEqualTo("cam");
        byte[] buf = frame.jpeg();
        assertThat(buf).hasSize(manifest.get(0).get("len").asInt());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf)))
                .isEqualTo(manifest.get(0).get("sha256").asText());
    }

    @ParameterizedTest
    @MethodSource("frameMessages")
    void reEncodesEveryCapturedMessageByteForByte(Path message) throws Exception {
        List<byte[]> captured = parts(message);
        List<byte[]> encoded = wire.encode(wire.decode("cam", captured));
        assertThat(encoded).hasSameSizeAs(captured);
        for (int i = 0; i < captured.size(); i++) {
            assertThat(encoded.get(i)).as("part %d of %s", i, message.getFileName()).isEqualTo(captured.get(i));
        }
    }

    @Test
    void distributorRepliesAreExactlyPystreamings() throws Exception {
        assertThat(PyStreamingWire.frameMiss()).containsExactlyElementsOf(parts(TestImages.fixtures().resolve("b_dist_rep_framemiss")));
        assertThat(PyStreamingWire.trackMiss()).containsExactlyElementsOf(parts(TestImages.fixtures().resolve("b_dist_rep_trackmiss")));
        assertThat(wire.decode("x", PyStreamingWire.frameMiss()).fno()).isEqualTo(PyStreamingWire.FRAMEMISS);
    }

    @Test
    void randomFramesRoundTripInBothForms() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            Object meta = PickleWriterPythonTest.randomValue(random, 3);
            long fno = random.nextInt(4) == 0 ? random.nextLong() & Long.MAX_VALUE : random.nextInt(100_000);
            double ftime = random.nextDouble() * 2e9;
            Frame frame;
            if (random.nextBoolean()) {
                byte[] jpeg = new byte[random.nextInt(2000)];
                random.nextBytes(jpeg);
                frame = Frame.encoded("s", fno, ftime, meta, jpeg);
            } else {
                int w = 1 + random.nextInt(40);
                int h = 1 + random.nextInt(30);
                int c = random.nextBoolean() ? 3 : 1;
                byte[] pixels = new byte[w * h * c];
                random.nextBytes(pixels);
                frame = Frame.raw("s", fno, ftime, meta, Pixels.wrap(w, h, c, pixels));
            }
            List<byte[]> message = wire.encode(frame);
            assertThat(message).hasSize(frame.isEncoded() ? 4 : 5);
            assertThat(wire.decode("s", message)).isEqualTo(frame);
        }
    }

    @Test
    void theArrayHeaderIsWhatPyzmqSendJsonWrites() {
        List<byte[]> message = wire.encode(Frame.raw("s", 0, 1.0, null, Pixels.wrap(4, 2, 3, new byte[24])));
        assertThat(new String(message.get(0))).isEqualTo("{\"dtype\": \"uint8\", \"shape\": [2, 4, 3]}");
        message = wire.encode(Frame.raw("s", 0, 1.0, null, Pixels.wrap(4, 2, 1, new byte[8])));
        assertThat(new String(message.get(0))).isEqualTo("{\"dtype\": \"uint8\", \"shape\": [2, 4]}");
    }

    private static List<byte[]> withPart(int index, byte[] part) throws IOException {
        List<byte[]> message = new ArrayList<>(parts(TestImages.fixtures().resolve("a_p2p_pub_fno0")));
        message.set(index, part);
        return message;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void badMessagesAreRefusedWithAClearReason() throws Exception {
        Map<List<byte[]>, String> cases = new LinkedHashMap<>();
        cases.put(List.of(new byte[1], new byte[1]), "got 2 parts");
        cases.put(withPart(1, "junk".getBytes()), "malformed meta pickle");
        cases.put(withPart(3, hex("80044b")), "malformed fno pickle"); // truncated: BININT1 without its byte
        cases.put(withPart(3, new byte[0]), "fno pickle is empty");
        // pickle.dumps(os.system) style: GLOBAL 'posix system'
        cases.put(withPart(1, "cposix\nsystem\n(S'true'\ntR.".getBytes()), "opcode 'c'");
        cases.put(withPart(1, hex("8004958e0000000000000000000000000000")), "declares 142 bytes"); // FRAME longer than the pickle
        cases.put(withPart(1, hex("80048e000000000001000000" + "00".repeat(4))), "declares 1099511627776 bytes");
        cases.put(withPart(1, hex("80049311")), "opcode 0x93"); // STACK_GLOBAL
        cases.put(withPart(1, hex("8004" + "5d".repeat(70) + "61".repeat(69) + "2e")), "nested deeper than 64"); // 70 nested lists
        cases.put(withPart(1, hex("80045d94680061" + "2e")), "malformed meta pickle"); // a list that contains itself
        cases.put(withPart(1, hex("8004002e")), "not a pickle opcode");
        cases.put(withPart(1, hex("80048f942e")), "sets are not supported"); // EMPTY_SET
        cases.put(withPart(3, hex("80048a09000000000000000040" + "2e")), "does not fit in 64 bits"); // 2**70
        cases.put(withPart(3, hex("8004882e")), "fno must be an int, got Boolean");
        cases.put(withPart(3, PickleWriter.write(-4L)), "fno must be a frame number (0 and up) or -1, -2, -3");
        cases.put(withPart(3, PickleWriter.write(Long.MIN_VALUE)), "fno must be a frame number");
        cases.put(withPart(2, hex("80044e2e")), "ftime must be a float (seconds since the epoch), got None");
        for (double ftime : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e300, -4.7e15,
            PyStreamingWire.MAX_ABS_FTIME}) {
            cases.put(withPart(2, PickleWriter.write(ftime)), "ftime must be a finite number of seconds within");
        }
        cases.put(withPart(2, PickleWriter.write(Long.MAX_VALUE)), "ftime must be a finite number of seconds within");
        byte[] array = new byte[12];
        byte[] meta = PickleWriter.write(null);
        byte[] ftime = PickleWriter.write(1.0);
        byte[] fno = PickleWriter.write(1L);
        cases.put(List.of("{\"dtype\": \"float64\", \"shape\": [2, 2, 3]}".getBytes(), array, meta, ftime, fno), "dtype must be uint8");
        cases.put(List.of("{\"dtype\": \"uint8\", \"shape\": [90000, 90000, 3]}".getBytes(), array, meta, ftime, fno), "outside 1x1..8192x8192");
        cases.put(List.of("{\"dtype\": \"uint8\", \"shape\": [2, 2, 4]}".getBytes(), array, meta, ftime, fno), "1 or 3 channels");
        cases.put(List.of("{\"dtype\": \"uint8\", \"shape\": [2, 3, 3]}".getBytes(), array, meta, ftime, fno), "needs 18 bytes, got 12");
        cases.put(List.of("{\"dtype\": \"uint8\", \"shape\": [99999999999999999999, 2, 3]}".getBytes(), array, meta, ftime, fno), "not a size");
        cases.put(List.of("not json".getBytes(), array, meta, ftime, fno), "array header is not");

        PyStreamingWire small = new PyStreamingWire(new WireLimits(1000, 100, 8192, 8192));
        assertThatThrownBy(() -> small.decode("s", parts(TestImages.fixtures().resolve("a_p2p_pub_fno0"))))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("buf of 52888 bytes exceeds the limit of 1000");
        assertThatThrownBy(() -> small.decode("s", withPart(1, PickleWriter.write("x".repeat(200)))))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("exceeds the limit of 100");

        for (Map.Entry<List<byte[]>, String> c : cases.entrySet()) {
            assertThatThrownBy(() -> wire.decode("s", c.getKey())).as(c.getValue())
                    .isInstanceOf(WireFormatException.class).hasMessageContaining(c.getValue());
        }
    }

    @Test
    void captureTimesWithinTheAcceptedRangeAreRead() throws Exception {
        for (double ftime : new double[] {0.0, -1.5, 1795484676.7572846, 4.6e15, -4.6e15}) {
            assertThat(wire.decode("s", withPart(2, PickleWriter.write(ftime))).ftime()).isEqualTo(ftime);
        }
        assertThat(wire.decode("s", withPart(2, PickleWriter.write(1_795_484_676L))).ftime()).isEqualTo(1_795_484_676.0);
    }

    @Test
    void picklesThatNameClassesAreRefusedAsUnsafe() throws Exception {
        assertThatThrownBy(() -> wire.decode("s", withPart(1, "cposix\nsystem\n(S'true'\ntR.".getBytes())))
                .isInstanceOf(UnsafePickleException.class).hasMessageContaining("refused");
    }
}
