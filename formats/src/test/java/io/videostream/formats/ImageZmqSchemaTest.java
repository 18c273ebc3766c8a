package io.videostream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.wire.WireFormatException;
import io.videostream.codec.wire.WireLimits;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** imagezmq's messages read, and what is refused with a reason (counted as a bad message by the source). */
class ImageZmqSchemaTest {
    private static final ZmqEndpoint HUB = ZmqEndpoint.bind("tcp://127.0.0.1:5555");
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};

    private final ImageZmqSchema schema = new ImageZmqSchema(WireLimits.DEFAULT, JpegSettings.DEFAULT);

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Frame read(String header, byte[] payload) throws Exception {
        return schema.deserialize(List.of(json(header), payload), HUB);
    }

    @Test
    void eachSenderIsAStreamNumberedFromZeroAtItsArrivalTime() throws Exception {
        long before = System.currentTimeMillis();
        Frame first = read("{\"msg\": \"rpi1\"}", JPEG);
        Frame other = read("{\"msg\": \"caf\\u00e9 door\"}", JPEG);
        Frame second = read("{\"msg\": \"rpi1\"}", JPEG);

        assertThat(List.of(first.stream(), first.fno(), second.fno())).containsExactly("rpi1", 0L, 1L);
        assertThat(List.of(other.stream(), other.fno())).as("JSON escapes read").containsExactly("café door", 0L);
        assertThat(first.eventTimeMillis()).isBetween(before, System.currentTimeMillis());
        assertThat(first.jpeg()).isEqualTo(JPEG);
        assertThat(schema.reply()).singleElement().isEqualTo(json("OK"));
    }

    @Test
    void malformedMessagesAreRefusedWithTheirReason() {
        refused(List.of(json("{\"msg\": \"a\"}")), "has 2 parts");
        refused(List.of(json("{\"msg\": \"" + "a".repeat(5000) + "\"}"), JPEG), "exceeds 4096");
        refused(List.of(json("{\"name\": \"a\"}"), JPEG), "needs \"msg\"");
        refused(List.of(json("{\"msg\": 7}"), JPEG), "needs \"msg\"");
        refused(List.of(json("{\"msg\": \"a\\nb\"}"), JPEG), "needs \"msg\"");
        refused(List.of(json("[1, 2]"), JPEG), "needs \"msg\"");
        refused(List.of(json("{\"msg\": \"a\", \"dtype\": \"uint8\", \"shape\": [48, 64, 3]}"), new byte[10]),
                "needs 9216 bytes");
        refused(List.of(json("{\"msg\": \"a\", \"dtype\": \"uint8\", \"shape\": [60000, 60000, 3]}"), new byte[10]),
                "outside");
        assertThatThrownBy(() -> schema.deserialize(List.of(json("{\"msg\": "), JPEG), HUB))
                .as("not JSON").isInstanceOf(IOException.class);
    }

    @Test
    void aSourceTakesABoundedNumberOfSenderNames() throws Exception {
        for (int i = 0; i < ImageZmqSchema.MAX_STREAMS; i++) {
            read("{\"msg\": \"s" + i + "\"}", JPEG);
        }
        assertThat(read("{\"msg\": \"s0\"}", JPEG).fno()).as("a known sender goes on").isEqualTo(1);
        refused(List.of(json("{\"msg\": \"one too many\"}"), JPEG), "more than 1024 senders");
    }

    private void refused(List<byte[]> parts, String reason) {
        assertThatThrownBy(() -> schema.deserialize(parts, HUB)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining(reason);
    }
}
