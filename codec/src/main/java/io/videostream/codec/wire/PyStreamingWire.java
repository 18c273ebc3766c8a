package io.videostream.codec.wire;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.PlainData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pystreaming's multipart frame messages, read and written byte for byte:
 * {@code [buf, meta, ftime, fno]} with JPEG bytes, or {@code [array header, array bytes, meta, ftime,
 * fno]} with raw pixels; meta, ftime and fno are protocol-4 pickles. See the project's
 * wire-format notes. Thread-safe.
 */
public final class PyStreamingWire {
    /** Frame number of the end-of-stream message. */
    public static final long STOPSTREAM = -1;
    /** Frame number of a distributor's reply when the track's queue is empty. */
    public static final long FRAMEMISS = -2;
    /** Frame number of a distributor's reply to a track it does not serve. */
    public static final long TRACKMISS = -3;

    /**
     * Capture times are accepted within this many seconds either side of the epoch: 2^62 ms, about
     * 146 million years; milliseconds in a long with room for the difference of two of them.
     */
    public static final double MAX_ABS_FTIME = 0x1p62 / 1000;

    private static final byte[] NIL = "nil".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern DTYPE = Pattern.compile("\"dtype\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern SHAPE = Pattern.compile("\"shape\"\\s*:\\s*\\[([0-9,\\s]*)\\]");

    private final WireLimits limits;
    private final PickleReader pickles;

    public PyStreamingWire(WireLimits limits) {
        this.limits = limits;
        this.pickles = new PickleReader(limits.maxPickleBytes());
    }

    public PyStreamingWire() {
        this(WireLimits.DEFAULT);
    }

    /**
     * Reads a message: 4 parts are the JPEG form, 5 the array form.
     *
     * @param stream the name of the stream the message came from (it is not on the wire)
     */
    public Frame decode(String stream, List<byte[]> parts) throws WireFormatException {
        if (parts.size() != 4 && parts.size() != 5) {
            throw new WireFormatException("expected a pystreaming message of 4 parts (buf, meta, ftime, fno) or 5 "
                    + "(array header, array, meta, ftime, fno), got " + parts.size() + " parts");
        }
        int first = parts.size() - 3;
        Object meta = pickles.read(parts.get(first), "meta");
        double ftime = ftime(pickles.read(parts.get(first + 1), "ftime"));
        long fno = fno(pickles.read(parts.get(first + 2), "fno"));
        if (parts.size() == 4) {
            byte[] buf = parts.get(0);
            if (buf.length > limits.maxImageBytes()) {
                throw new WireFormatException("buf of " + buf.length + " bytes exceeds the limit of " + limits.maxImageBytes());
            }
            return Frame.encoded(stream, fno, ftime, meta, buf);
        }
        return Frame.raw(stream, fno, ftime, meta, array(parts.get(0), parts.get(1)));
    }

    /** Writes a frame: the JPEG form for an encoded frame, the array form for raw pixels. */
    public List<byte[]> encode(Frame frame) {
        byte[] meta = PickleWriter.write(frame.meta());
        byte[] ftime = PickleWriter.write(frame.ftime());
        byte[] fno = PickleWriter.write(frame.fno());
        if (frame.isEncoded()) {
            return List.of(frame.jpeg(), meta, ftime, fno);
        }
        Pixels pixels = frame.pixels();
        String shape = pixels.channels() == 1
                ? pixels.height() + ", " + pixels.width()
                : pixels.height() + ", " + pixels.width() + ", " + pixels.channels();
        byte[] header = ("{\"dtype\": \"uint8\", \"shape\": [" + shape + "]}").getBytes(StandardCharsets.US_ASCII);
        return List.of(header, pixels.toByteArray(), meta, ftime, fno);
    }

    /** What a distributor answers when the track's queue is empty: {@code [b"nil", None, 0.0, -2]}. */
    public static List<byte[]> frameMiss() {
        return control(FRAMEMISS);
    }

    /** What a distributor answers for a track it does not serve: {@code [b"nil", None, 0.0, -3]}. */
    public static List<byte[]> trackMiss() {
        return control(TRACKMISS);
    }

    private static List<byte[]> control(long fno) {
        return List.of(NIL.clone(), PickleWriter.write(null), PickleWriter.write(0.0), PickleWriter.write(fno));
    }

    /** The capture time: a finite number of seconds within +-{@link #MAX_ABS_FTIME}. */
    private static double ftime(Object value) throws WireFormatException {
        double ftime;
        if (value instanceof Double d) {
            ftime = d;
        } else if (value instanceof Long l) {
            ftime = l;
        } else {
            throw new WireFormatException("ftime must be a float (seconds since the epoch), got " + typeName(value));
        }
        if (!(Math.abs(ftime) < MAX_ABS_FTIME)) { // NaN too
            throw new WireFormatException("ftime must be a finite number of seconds within +-" + MAX_ABS_FTIME
                    + " (2^62 ms), got " + ftime);
        }
        return ftime;
    }

    /** The frame number: a frame's (0 and up) or a control message's (STOPSTREAM, FRAMEMISS, TRACKMISS). */
    private static long fno(Object value) throws WireFormatException {
        if (!(value instanceof Long fno)) {
            throw new WireFormatException("fno must be an int, got " + typeName(value));
        }
        if (fno < TRACKMISS) {
            throw new WireFormatException("fno must be a frame number (0 and up) or -1, -2, -3 (STOPSTREAM, "
                    + "FRAMEMISS, TRACKMISS), got " + fno);
        }
        return fno;
    }

    private static String typeName(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName() + " " + PlainData.describe(value);
    }

    private static long dimension(String text) throws WireFormatException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new WireFormatException("array shape holds a dimension that is not a size: '" + text + "'");
        }
    }

    /**
     * numpy's array form, as pystreaming and imagezmq send it: a JSON header with {@code "dtype"}
     * (uint8) and {@code "shape"} ([h, w] or [h, w, 3]), and the C-contiguous bytes, within the limits.
     */
    public Pixels array(byte[] header, byte[] array) throws WireFormatException {
        String json = new String(header, StandardCharsets.UTF_8);
        Matcher dtype = DTYPE.matcher(json);
        Matcher shape = SHAPE.matcher(json);
        if (!dtype.find() || !shape.find()) {
            throw new WireFormatException("array header is not {\"dtype\": ..., \"shape\": [...]}: "
                    + PlainData.describe(json));
        }
        if (!dtype.group(1).equals("uint8")) {
            throw new WireFormatException("array dtype must be uint8, got " + dtype.group(1));
        }
        String[] dims = shape.group(1).trim().split("\\s*,\\s*");
        if (dims.length != 2 && dims.length != 3) {
            throw new WireFormatException("array shape must be [h, w] or [h, w, channels], got [" + shape.group(1) + "]");
        }
        long height = dimension(dims[0]);
        long width = dimension(dims[1]);
        long channels = dims.length == 3 ? dimension(dims[2]) : 1;
        if (width > limits.maxWidth() || height > limits.maxHeight() || width < 1 || height < 1) {
            throw new WireFormatException("array of " + width + "x" + height + " is outside 1x1.." + limits.maxWidth()
                    + "x" + limits.maxHeight());
        }
        if (channels != 1 && channels != 3) {
            throw new WireFormatException("array must have 1 or 3 channels (gray or BGR), got " + channels);
        }
        if (array.length != width * height * channels) {
            throw new WireFormatException("array of shape [" + shape.group(1) + "] needs " + width * height * channels
                    + " bytes, got " + array.length);
        }
        return Pixels.wrap((int) width, (int) height, (int) channels, array);
    }
}
