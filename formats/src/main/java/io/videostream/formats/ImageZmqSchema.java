package io.videostream.formats;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.codec.wire.WireFormatException;
import io.videostream.codec.wire.WireLimits;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * imagezmq's messages, which many Raspberry Pis send to one hub: two parts, a JSON header
 * ({@code {"msg": NAME}} for {@code send_jpg}, with {@code "dtype"} and {@code "shape"} for
 * {@code send_image}'s raw array) and the payload. The stream is the sender's name; the capture time
 * is the arrival (imagezmq carries none); frame numbers count per stream from 0 in arrival order; a
 * raw array is JPEG-encoded on arrival, within the wire limits. A hub's reply is {@code b"OK"}, as
 * imagezmq's {@code ImageHub.send_reply}. A source reader takes at most {@value #MAX_STREAMS} names:
 * more would let any sender grow the job's state without bound (frames of further names are refused
 * and counted).
 */
public final class ImageZmqSchema implements FrameSchema {
    private static final long serialVersionUID = 1L;
    static final int MAX_HEADER_BYTES = 4096;
    static final int MAX_STREAMS = 1024;
    private static final List<byte[]> OK = List.of("OK".getBytes(StandardCharsets.US_ASCII));

    private final WireLimits limits;
    private final JpegSettings codec;
    private transient ObjectMapper json;
    private transient PyStreamingWire wire;
    private transient JpegCodec jpeg;
    private transient Map<String, long[]> nextNumbers;

    /** @param codec the JPEG settings for raw arrays */
    public ImageZmqSchema(WireLimits limits, JpegSettings codec) {
        this.limits = limits;
        this.codec = codec;
    }

    @Override
    public Frame deserialize(List<byte[]> parts, ZmqEndpoint origin) throws IOException {
        if (json == null) {
            json = new ObjectMapper();
            wire = new PyStreamingWire(limits);
            nextNumbers = new HashMap<>();
        }
        if (parts.size() != 2) {
            throw new WireFormatException("an imagezmq message has 2 parts (JSON header, image), got " + parts.size());
        }
        byte[] header = parts.get(0);
        if (header.length > MAX_HEADER_BYTES) {
            throw new WireFormatException("an imagezmq header of " + header.length + " bytes exceeds " + MAX_HEADER_BYTES);
        }
        JsonNode fields = json.readTree(header);
        JsonNode msg = fields == null ? null : fields.get("msg");
        if (msg == null || !msg.isTextual() || !StreamMeta.isValidName(msg.asText())) {
            throw new WireFormatException("an imagezmq header needs \"msg\", the sender's name, in plain text of at "
                    + "most " + StreamMeta.MAX_LENGTH + " characters");
        }
        String stream = msg.asText();
        byte[] image = fields.has("dtype") || fields.has("shape") ? encode(header, parts.get(1)) : parts.get(1);
        if (image.length > limits.maxImageBytes()) {
            throw new WireFormatException("a JPEG of " + image.length + " bytes exceeds " + limits.maxImageBytes());
        }
        return Frame.encoded(stream, nextNumber(stream), System.currentTimeMillis() / 1000.0, null, image);
    }

    private byte[] encode(byte[] header, byte[] array) throws WireFormatException {
        if (jpeg == null) {
            jpeg = codec.create();
        }
        return jpeg.encode(wire.array(header, array));
    }

    private long nextNumber(String stream) throws WireFormatException {
        long[] next = nextNumbers.get(stream);
        if (next == null) {
            if (nextNumbers.size() >= MAX_STREAMS) {
                throw new WireFormatException("more than " + MAX_STREAMS + " senders' names at this source; '" + stream
                        + "' refused");
            }
            next = new long[1];
            nextNumbers.put(stream, next);
        }
        return next[0]++;
    }

    @Override
    public List<byte[]> reply() {
        return OK;
    }
}
