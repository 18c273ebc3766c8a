package io.videostream.codec.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

/** Flink's own serializer contract tests, plus what the job relies on: no copies, no Kryo. */
class FrameSerializerTest extends SerializerTestBase<Frame> {

    @Override
    protected TypeSerializer<Frame> createSerializer() {
        return FrameSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Frame> getTypeClass() {
        return Frame.class;
    }

    @Override
    protected Frame[] getTestData() {
        Map<Object, Object> detection = new LinkedHashMap<>();
        detection.put("label", "person");
        detection.put("box", List.of(10, 20, 110, 220));
        detection.put(7L, 0.93);
        detection.put("raw", new byte[] {1, 2, 3});
        detection.put("ok", true);
        detection.put("none", null);
        ByteBuffer direct = ByteBuffer.allocateDirect(4 * 3 * 3);
        for (int i = 0; i < direct.capacity(); i++) {
            direct.put(i, (byte) (i * 7));
        }
        return new Frame[] {
            Frame.encoded("cam", 0, 1795484676.7572846, null, new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2}),
            Frame.encoded("cam", -1, 0.0, "a string meta", "nil".getBytes()),
            Frame.encoded("ü-stream", Long.MAX_VALUE, Double.MAX_VALUE, List.of(detection), new byte[0]),
            Frame.raw("raw", 65536, 12.5, detection, Pixels.wrap(2, 2, 3, new byte[12])),
            Frame.raw("raw", 3, 13.0, false, new Pixels(4, 3, 3, direct)),
            Frame.raw("gray", 4, 14.0, Long.MIN_VALUE, Pixels.wrap(3, 1, 1, new byte[] {9, 8, 7})),
        };
    }

    @Test
    void copyReturnsTheSameInstanceBecauseFramesAreImmutable() {
        Frame frame = getTestData()[0];
        assertThat(FrameSerializer.INSTANCE.copy(frame)).isSameAs(frame);
        assertThat(FrameSerializer.INSTANCE.isImmutableType()).isTrue();
    }

    @Test
    void flinkTypeExtractionUsesTheFrameTypeInfo() {
        TypeInformation<Frame> info = TypeInformation.of(Frame.class);
        assertThat(info).isEqualTo(FrameTypeInfo.INSTANCE);
        assertThat(info.createSerializer(new SerializerConfigImpl())).isSameAs(FrameSerializer.INSTANCE);
    }
}
