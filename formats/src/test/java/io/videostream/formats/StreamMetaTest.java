package io.videostream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stream's name in a frame's meta: written by a worker of several streams, read by receivers. */
class StreamMetaTest {
    private static final ZmqEndpoint COLLECTOR = ZmqEndpoint.bind("tcp://127.0.0.1:5556");

    @Test
    void theNameJoinsWhatTheProcessorFound() {
        Map<Object, Object> people = new LinkedHashMap<>(Map.of("people", 2));
        assertThat(StreamMeta.withStream(people, "door")).isEqualTo(Map.of("people", 2, "stream", "door"));
        assertThat(StreamMeta.withStream(null, "door")).isEqualTo(Map.of("stream", "door"));
        assertThat(StreamMeta.withStream("qr text", "door")).isEqualTo(Map.of("result", "qr text", "stream", "door"));
        assertThat(people).as("the processor's meta is not changed").doesNotContainKey("stream");
    }

    @Test
    void onlyAPlainShortNameIsTakenFromTheNetwork() {
        assertThat(StreamMeta.streamOf(Map.of("stream", "door", "people", 2))).isEqualTo("door");
        assertThat(StreamMeta.streamOf(null)).isNull();
        assertThat(StreamMeta.streamOf(List.of("stream"))).isNull();
        assertThat(StreamMeta.streamOf(Map.of("stream", 7))).isNull();
        assertThat(StreamMeta.streamOf(Map.of("stream", " "))).isNull();
        assertThat(StreamMeta.streamOf(Map.of("stream", "a\nb"))).isNull();
        assertThat(StreamMeta.streamOf(Map.of("stream", "x".repeat(129)))).isNull();
    }

    @Test
    void aReceiverNamesFramesByTheirMetaOrElseByTheirEndpoint() throws Exception {
        PyStreamingWire wire = new PyStreamingWire();
        PyStreamingSchema schema = PyStreamingSchema.forSource(Map.of(COLLECTOR.address(), "yard"), false);
        Frame named = Frame.encoded("x", 3, 1.0, Map.of("stream", "door"), new byte[] {1});
        Frame plain = Frame.encoded("x", 4, 1.0, null, new byte[] {1});

        assertThat(schema.deserialize(wire.encode(named), COLLECTOR).stream()).isEqualTo("door");
        assertThat(schema.deserialize(wire.encode(plain), COLLECTOR).stream()).isEqualTo("yard");
        assertThat(PyStreamingSchema.forSource(false).deserialize(wire.encode(plain), COLLECTOR).stream())
                .isEqualTo(COLLECTOR.address());
    }
}
