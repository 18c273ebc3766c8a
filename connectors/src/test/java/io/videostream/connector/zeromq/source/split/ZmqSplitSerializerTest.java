package io.videostream.connector.zeromq.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ZmqSplitSerializerTest {
    private final ZmqSplitSerializer serializer = ZmqSplitSerializer.INSTANCE;

    @Test
    void splitsSurviveARoundTrip() throws IOException {
        for (ZmqEndpoint endpoint : new ZmqEndpoint[] {
            ZmqEndpoint.bind("tcp://*:5555"), ZmqEndpoint.connect("tcp://127.0.0.1:5555"), ZmqEndpoint.connect("ipc://cam-é")
        }) {
            for (int share : new int[] {0, 3}) {
                ZmqSplit split = new ZmqSplit(endpoint, share);
                ZmqSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
                assertThat(back).isEqualTo(split);
                assertThat(back.endpoint().isBind()).isEqualTo(endpoint.isBind());
                assertThat(back.share()).isEqualTo(share);
                assertThat(back.splitId()).isEqualTo(split.splitId());
            }
        }
    }

    @Test
    void theReadersSharingAnEndpointHaveSplitsOfTheirOwn() {
        ZmqEndpoint endpoint = ZmqEndpoint.connect("tcp://127.0.0.1:5555");
        assertThat(new ZmqSplit(endpoint, 1)).isNotEqualTo(new ZmqSplit(endpoint, 0));
        assertThat(new ZmqSplit(endpoint, 1).splitId()).isNotEqualTo(new ZmqSplit(endpoint, 0).splitId());
        assertThat(new ZmqSplit(endpoint).splitId()).as("a split of its own, as before").isEqualTo(endpoint.toString());
    }

    @Test
    void isVersionTwoReadsVersionOneAndRefusesOthers() throws IOException {
        assertThat(serializer.getVersion()).isEqualTo(2);
        ByteArrayOutputStream versionOne = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(versionOne)) {
            out.writeUTF("tcp://127.0.0.1:5555");
            out.writeBoolean(false);
        }
        assertThat(serializer.deserialize(1, versionOne.toByteArray()))
                .isEqualTo(new ZmqSplit(ZmqEndpoint.connect("tcp://127.0.0.1:5555"), 0));
        byte[] bytes = serializer.serialize(new ZmqSplit(ZmqEndpoint.bind("tcp://*:5555")));
        assertThatThrownBy(() -> serializer.deserialize(3, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 3");
    }
}
