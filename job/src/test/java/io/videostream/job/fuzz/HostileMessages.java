package io.videostream.job.fuzz;

import io.videostream.codec.Frame;
import io.videostream.codec.wire.PickleWriter;
import io.videostream.codec.wire.PyStreamingWire;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of pystreaming messages as a hostile or broken peer sends them: wrong part
 * counts, random bytes, pickles that name globals or nest deeply, strings that are not UTF-8,
 * non-finite capture times, frame numbers that are none, JPEGs that are truncated, random, too large
 * or declare absurd dimensions. Each says where it must be refused: by the wire format (the source
 * counts it in {@code numRecordsInErrors}) or by the JPEG codec (the decoding operator counts it in
 * {@code badFrames}). Good frames, some captured far in the future, are made beside them.
 */
public final class HostileMessages {
    /** Where a message must be refused. */
    public enum Refusal {
        /** A valid message. */
        NONE,
        /** By the wire format: the source counts and skips it. */
        WIRE,
        /** By the JPEG decoder: the operator that decodes counts and skips it. */
        CODEC
    }

    /** A message, where it must be refused, and what kind of hostility it is (for failure messages). */
    public record Message(List<byte[]> parts, Refusal refusal, String kind, long fno) {}

    private static final byte[] EVAL_GLOBAL = ascii("c__builtin__\neval\n(S'1+1'\ntR.");
    private static final double YEAR_SECONDS = 365.25 * 24 * 3600;

    private final Random random;
    private final byte[] goodJpeg;
    private final int maxImageBytes;
    private long goodFno;
    private long badFno = 1_000_000_000L;

    /**
     * @param goodJpeg the picture of good frames
     * @param maxImageBytes the wire limit on a frame's JPEG: "too large" ones exceed it by a little
     */
    public HostileMessages(long seed, byte[] goodJpeg, int maxImageBytes) {
        this.random = new Random(seed);
        this.goodJpeg = goodJpeg;
        this.maxImageBytes = maxImageBytes;
    }

    /** A good frame: the next frame number, captured now (or, one in ten, a year ahead: still valid). */
    public Message good() {
        double ftime = System.currentTimeMillis() / 1000.0 + (random.nextInt(10) == 0 ? YEAR_SECONDS : 0);
        Object meta = random.nextBoolean() ? null : Map.of("objects", List.of(1L, 2L));
        long fno = goodFno++;
        return new Message(message(goodJpeg, meta, ftime, fno), Refusal.NONE, "good", fno);
    }

    /** A hostile message of a kind chosen at random. */
    public Message hostile() {
        double now = System.currentTimeMillis() / 1000.0;
        long fno = badFno++;
        switch (random.nextInt(14)) {
            case 0:
                return wire("part count", randomParts(List.of(1, 2, 3, 6, 7).get(random.nextInt(5))));
            case 1: {
                List<byte[]> parts = randomParts(4);
                parts.set(3, concat(new byte[] {(byte) 0xFF}, parts.get(3))); // no pickle starts so
                return wire("random parts", parts);
            }
            case 2:
                return wire("global in meta", List.of(goodJpeg, EVAL_GLOBAL, PickleWriter.write(now),
                        PickleWriter.write(fno)));
            case 3:
                return wire("deep nesting", List.of(goodJpeg, deeplyNested(100 + random.nextInt(1000)),
                        PickleWriter.write(now), PickleWriter.write(fno)));
            case 4:
                return wire("non-UTF-8 string", List.of(goodJpeg, notUtf8(), PickleWriter.write(now),
                        PickleWriter.write(fno)));
            case 5: {
                double ftime = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300)
                        .get(random.nextInt(4));
                return wire("non-finite ftime", message(goodJpeg, null, ftime, fno));
            }
            case 6:
                return wire("negative fno", List.of(goodJpeg, PickleWriter.write(null), PickleWriter.write(now),
                        PickleWriter.write(-4 - (long) random.nextInt(1 << 20))));
            case 7:
                return wire("fno not an int", List.of(goodJpeg, PickleWriter.write(null), PickleWriter.write(now),
                        PickleWriter.write(random.nextBoolean() ? (Object) (fno + 0.5) : "12")));
            case 8:
                return wire("truncated pickle", List.of(goodJpeg, PickleWriter.write(null), PickleWriter.write(now),
                        Arrays.copyOf(PickleWriter.write(fno), 2)));
            case 9:
                return maxImageBytes < (8 << 20)
                        ? wire("JPEG over the limit", message(new byte[maxImageBytes + 1 + random.nextInt(1024)], null,
                                now, fno))
                        : codec("random bytes as JPEG", fno, randomBytes(1 + random.nextInt(4096)));
            case 10:
                return codec("truncated JPEG", fno, Arrays.copyOf(goodJpeg, 1 + random.nextInt(goodJpeg.length / 2)));
            case 11:
                return codec("random bytes as JPEG", fno, randomBytes(1 + random.nextInt(4096)));
            case 12:
                return codec("absurd dimensions", fno, absurdDimensions(goodJpeg));
            default:
                return codec("empty JPEG", fno, new byte[0]);
        }
    }

    /** The JPEG with its frame header declaring 60000 x 60000 pixels. */
    public static byte[] absurdDimensions(byte[] jpeg) {
        byte[] absurd = jpeg.clone();
        for (int i = 0; i + 8 < absurd.length; i++) {
            if ((absurd[i] & 0xff) == 0xFF && (absurd[i + 1] & 0xff) == 0xC0) {
                absurd[i + 5] = (byte) 0xEA;
                absurd[i + 6] = (byte) 0x60;
                absurd[i + 7] = (byte) 0xEA;
                absurd[i + 8] = (byte) 0x60;
                return absurd;
            }
        }
        throw new IllegalArgumentException("no baseline frame header (SOF0) in the JPEG");
    }

    private Message wire(String kind, List<byte[]> parts) {
        return new Message(parts, Refusal.WIRE, kind, -1);
    }

    private Message codec(String kind, long fno, byte[] jpeg) {
        return new Message(message(jpeg, null, System.currentTimeMillis() / 1000.0, fno), Refusal.CODEC, kind, fno);
    }

    private static List<byte[]> message(byte[] jpeg, Object meta, double ftime, long fno) {
        return new PyStreamingWire().encode(Frame.encoded("fuzz", fno, ftime, meta, jpeg));
    }

    private List<byte[]> randomParts(int count) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(randomBytes(random.nextInt(64)));
        }
        return parts;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A protocol 2 pickle of tuples nested {@code depth} deep: MARK ... TUPLE. */
    private static byte[] deeplyNested(int depth) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(0x80);
        pickle.write(2);
        pickle.writeBytes(ascii("(".repeat(depth) + "t".repeat(depth) + "."));
        return pickle.toByteArray();
    }

    /** A protocol 4 pickle of a str whose bytes are not UTF-8 (or not even CPython's surrogatepass). */
    private byte[] notUtf8() {
        byte[][] invalid = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] text = concat(ascii("stream-"), invalid[random.nextInt(invalid.length)]);
        ByteBuffer pickle = ByteBuffer.allocate(text.length + 5);
        pickle.put((byte) 0x80).put((byte) 4).put((byte) 0x8c).put((byte) text.length).put(text).put((byte) '.');
        return pickle.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
