package io.videostream.connector.zeromq.sink;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.TextSchema;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Every setting the sink builder refuses, refused when it builds, with what is wrong. */
class ZmqSinkBuilderTest {
    private static ZmqSinkBuilder<String> push() {
        return ZmqSink.<String>builder()
                .setPattern(ZmqSinkPattern.PUSH)
                .setEndpoint(ZmqEndpoint.connect("tcp://127.0.0.1:5556"))
                .setSerializer(new TextSchema());
    }

    private static void refused(ZmqSinkBuilder<String> builder, String reason) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void buildsWhatIsComplete() {
        assertThatCode(() -> push().setFlowControl(FlowControl.DROP_OLDEST).build()).doesNotThrowAnyException();
        assertThatCode(() -> push().setPattern(ZmqSinkPattern.REP).setTracks("none", "left").build())
                .doesNotThrowAnyException();
    }

    @Test
    void needsAPatternAnEndpointAndASchema() {
        refused(push().setPattern(null), "set a pattern");
        refused(push().setEndpoint(null), "set an endpoint");
        refused(push().setSerializer(null), "set a serialization schema");
    }

    @Test
    void tracksGoWithRepAndOnlyWithRep() {
        refused(push().setPattern(ZmqSinkPattern.REP), "a REP distributor needs at least one track");
        refused(push().setTracks("none"), "tracks only apply to the REP pattern");
    }

    @Test
    void refusesOptionsOutOfRangeNamingThem() {
        refused(push().set(ZmqOptions.SEND_QUEUE, 0), "zeromq.sink.queue must be at least 1");
        refused(push().set(ZmqOptions.SEND_HWM, -1), "zeromq.send.hwm must not be negative");
        refused(push().set(ZmqOptions.LINGER, Duration.ofMillis(-1)), "zeromq.sink.linger must be");
    }

    @Test
    void curveNeedsLibzmqAndTheKeysItsEndpointNeeds() {
        CurveCertificate own = CurveCertificate.generate();
        ZmqCurve client = ZmqCurve.withCertificate(own).trustServer(CurveCertificate.generate());

        assertThatCode(() -> push().setCurve(client).build()).as("CURVE picks libzmq").doesNotThrowAnyException();
        refused(push().setCurve(client).set(ZmqOptions.TRANSPORT, ZmqTransport.JEROMQ), "jeromq issue 1009");
        refused(push().setCurve(ZmqCurve.withCertificate(own)), "needs the public certificate of the server");
        refused(push().setEndpoint(ZmqEndpoint.bind("tcp://127.0.0.1:5556")).setCurve(client),
                "needs the public certificates of the clients");
        assertThatCode(() -> push().setEndpoint(ZmqEndpoint.bind("tcp://127.0.0.1:5556"))
                .setCurve(ZmqCurve.withCertificate(own).allowClients(List.of(CurveCertificate.generate()))).build())
                .as("a server with its allowed clients").doesNotThrowAnyException();
    }

    @Test
    void aSinkThatBindsRunsWithParallelismOne() {
        ZmqSinkConfig binds = ZmqSinkConfig.of(ZmqSinkPattern.PUB, ZmqEndpoint.bind("tcp://*:5557"), List.of(),
                new Configuration(), null);
        assertThatCode(() -> binds.checkParallelism(1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> binds.checkParallelism(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must run with parallelism 1, not 2");

        ZmqSinkConfig connects = ZmqSinkConfig.of(ZmqSinkPattern.PUSH, ZmqEndpoint.connect("tcp://127.0.0.1:5557"),
                List.of(), new Configuration(), null);
        assertThatCode(() -> connects.checkParallelism(4)).doesNotThrowAnyException();
    }
}
