package io.videostream.connector.zeromq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

/** What the typed configurations read from the options: the defaults README lists, and what was set. */
class ZmqConfigTest {
    private static final ZmqEndpoint A = ZmqEndpoint.connect("tcp://127.0.0.1:5555");
    private static final ZmqEndpoint B = ZmqEndpoint.bind("tcp://*:5556");

    @Test
    void socketOptionsDefaultAsDocumented() {
        assertThat(SocketConfig.from(new Configuration(), null, List.of())).isEqualTo(new SocketConfig(ZmqTransport.JEROMQ, 10, 10,
                MemorySize.ofMebiBytes(64).getBytes(), Duration.ofMillis(100), Duration.ofSeconds(5), null));
    }

    @Test
    void sourceConfigHoldsTheSettingsAndTheOptions() {
        Configuration options = new Configuration();
        options.set(ZmqOptions.REQUESTS_IN_FLIGHT, 4);
        options.set(ZmqOptions.RECEIVE_HWM, 2);
        List<ZmqEndpoint> endpoints = new ArrayList<>(List.of(A, B));

        ZmqSourceConfig config = ZmqSourceConfig.of(ZmqSourcePattern.REQ, endpoints, "none", options, null);
        endpoints.clear();

        assertThat(config.endpoints()).as("a copy, in order").containsExactly(A, B);
        assertThat(config.track()).isEqualTo("none");
        assertThat(config.requestsInFlight()).isEqualTo(4);
        assertThat(config.retryPause()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.sockets().receiveHwm()).isEqualTo(2);
    }

    @Test
    void sinkConfigHoldsTheSettingsAndTheOptions() {
        Configuration options = new Configuration();
        options.set(ZmqOptions.FLOW_CONTROL, FlowControl.DROP_OLDEST);
        options.set(ZmqOptions.SEND_HWM, 7);

        ZmqSinkConfig config = ZmqSinkConfig.of(ZmqSinkPattern.REP, B, List.of("none", "left"), options, null);

        assertThat(config.tracks()).containsExactly("none", "left");
        assertThat(config.queueCapacity()).isEqualTo(3);
        assertThat(config.flowControl()).isEqualTo(FlowControl.DROP_OLDEST);
        assertThat(config.linger()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.sockets().sendHwm()).isEqualTo(7);
    }
}
