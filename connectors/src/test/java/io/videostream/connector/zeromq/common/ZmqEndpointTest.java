package io.videostream.connector.zeromq.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZmqEndpointTest {

    @Test
    void readsEndpointsAsPystreamingUsersWriteThem() {
        // the role decides, as in pystreaming: Streamer("tcp://127.0.0.1:5555") binds, a Worker connects
        assertThat(ZmqEndpoint.parse("tcp://127.0.0.1:5555", true)).isEqualTo(ZmqEndpoint.bind("tcp://127.0.0.1:5555"));
        assertThat(ZmqEndpoint.parse("tcp://127.0.0.1:5555", false))
                .isEqualTo(ZmqEndpoint.connect("tcp://127.0.0.1:5555"));
        assertThat(ZmqEndpoint.parse("tcp://*:5555", false)).as("nothing to connect to").isEqualTo(
                ZmqEndpoint.bind("tcp://*:5555"));
        assertThat(ZmqEndpoint.parse("bind:tcp://127.0.0.1:5556", false).isBind()).isTrue();
        assertThat(ZmqEndpoint.parse("connect:ipc:///tmp/cam", true)).isEqualTo(ZmqEndpoint.connect("ipc:///tmp/cam"));
        assertThat(ZmqEndpoint.parse("bind:tcp://*:5556", false)).hasToString("bind:tcp://*:5556");
    }

    @Test
    void refusesWhatIsNotAZeroMqAddress() {
        assertThatThrownBy(() -> ZmqEndpoint.parse("localhost:5555", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a ZeroMQ address");
    }
}
