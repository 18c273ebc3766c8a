package io.videostream.connector.zeromq.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ZmqSplitSerializerTest {
    private final ZmqSplitSerializer serializer = ZmqSplitSerializer.INSTANCE;

    @Test
    void splitsSurviveARoundTrip() throws IOException {
        for (ZmqEndpoint endpoint : new ZmqEndpoint[] {
            ZmqEndpoint.bind("tcp://*:5555"), ZmqEndpoint.connect("tcp://127.0.0.1:5555"), ZmqEndpoint.connect("ipc://cam-é")
        }) {
            ZmqSplit split = new ZmqSplit(endpoint);
            ZmqSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
            assertThat(back).isEqualTo(split);
            assertThat(back.endpoint().isBind()).isEqualTo(endpoint.isBind());
            assertThat(back.splitId()).isEqualTo(split.splitId());
        }
    }

    @Test
    void isVersionOneAndRefusesOthers() throws IOException {
        assertThat(serializer.getVersion()).isEqualTo(1);
        byte[] bytes = serializer.serialize(new ZmqSplit(ZmqEndpoint.bind("tcp://*:5555")));
        assertThatThrownBy(() -> serializer.deserialize(2, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 2");
    }
}
