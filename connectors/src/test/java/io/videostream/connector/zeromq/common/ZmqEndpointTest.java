package io.videostream.connector.zeromq.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZmqEndpointTest {

    @Test
    void readsEndpointsAsPystreamingUsersWriteThem() {
        assertThat(ZmqEndpoint.parse("tcp://*:5555")).isEqualTo(ZmqEndpoint.bind("tcp://*:5555"));
        assertThat(ZmqEndpoint.parse("tcp://localhost:5555")).isEqualTo(ZmqEndpoint.connect("tcp://localhost:5555"));
        assertThat(ZmqEndpoint.parse("bind:tcp://127.0.0.1:5556").isBind()).isTrue();
        assertThat(ZmqEndpoint.parse("connect:ipc:///tmp/cam").address()).isEqualTo("ipc:///tmp/cam");
        assertThat(ZmqEndpoint.parse("bind:tcp://*:5556")).hasToString("bind:tcp://*:5556");
    }

    @Test
    void refusesWhatIsNotAZeroMqAddress() {
        assertThatThrownBy(() -> ZmqEndpoint.parse("localhost:5555"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a ZeroMQ address");
    }
}
