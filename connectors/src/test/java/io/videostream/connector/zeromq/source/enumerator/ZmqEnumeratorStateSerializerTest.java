package io.videostream.connector.zeromq.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZmqEnumeratorStateSerializerTest {
    private final ZmqEnumeratorStateSerializer serializer = new ZmqEnumeratorStateSerializer();

    @Test
    void pendingSplitsSurviveARoundTripInOrder() throws IOException {
        Set<ZmqSplit> pending = new LinkedHashSet<>(List.of(
                new ZmqSplit(ZmqEndpoint.connect("tcp://127.0.0.1:5557")),
                new ZmqSplit(ZmqEndpoint.bind("tcp://*:5555")),
                new ZmqSplit(ZmqEndpoint.connect("tcp://127.0.0.1:5556"))));

        Set<ZmqSplit> back = serializer.deserialize(serializer.getVersion(), serializer.serialize(pending));

        assertThat(back).containsExactlyElementsOf(pending);
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(Set.of()))).isEmpty();
    }

    @Test
    void isVersionTwoAndRefusesOthers() throws IOException {
        assertThat(serializer.getVersion()).isEqualTo(2);
        byte[] bytes = serializer.serialize(Set.of(new ZmqSplit(ZmqEndpoint.bind("tcp://*:5555"))));
        assertThatThrownBy(() -> serializer.deserialize(0, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 0");
    }
}
