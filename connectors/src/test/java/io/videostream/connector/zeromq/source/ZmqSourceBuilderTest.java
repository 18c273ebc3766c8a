package io.videostream.connector.zeromq.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.connector.zeromq.TextSchema;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import java.time.Duration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

/** Every setting the source builder refuses, refused when it builds, with what is wrong. */
class ZmqSourceBuilderTest {
    private static final ZmqEndpoint CAMERA = ZmqEndpoint.connect("tcp://127.0.0.1:5555");

    private static ZmqSourceBuilder<String> sub() {
        return ZmqSource.<String>builder()
                .setPattern(ZmqSourcePattern.SUB)
                .addEndpoint(CAMERA)
                .setDeserializer(new TextSchema());
    }

    private static void refused(ZmqSourceBuilder<String> builder, String reason) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void buildsWhatIsComplete() {
        assertThat(sub().build().getProducedType()).isEqualTo(new TextSchema().getProducedType());
        assertThatCode(() -> sub().setPattern(ZmqSourcePattern.REQ).setTrack("none").setRequestsInFlight(5).build())
                .doesNotThrowAnyException();
    }

    @Test
    void needsAPatternAnEndpointAndASchema() {
        refused(sub().setPattern(null), "set a pattern");
        refused(ZmqSource.<String>builder().setPattern(ZmqSourcePattern.PULL).setDeserializer(new TextSchema()),
                "add at least one endpoint");
        refused(sub().setDeserializer(null), "set a deserialization schema");
    }

    @Test
    void refusesAnEndpointListedTwice() {
        refused(sub().addEndpoint(ZmqEndpoint.connect("tcp://127.0.0.1:5555")),
                "the endpoint connect:tcp://127.0.0.1:5555 is listed twice");
    }

    @Test
    void aTrackGoesWithReqAndOnlyWithReq() {
        refused(sub().setPattern(ZmqSourcePattern.REQ), "the REQ pattern needs a track");
        refused(sub().setPattern(ZmqSourcePattern.REQ).setTrack(""), "the REQ pattern needs a track");
        refused(sub().setTrack("none"), "a track only applies to the REQ pattern");
    }

    @Test
    void readersShareAnEndpointOnlyWhenTheyAskForFrames() {
        assertThatCode(() -> sub().setPattern(ZmqSourcePattern.REQ).setTrack("none").setReadersPerEndpoint(4).build())
                .doesNotThrowAnyException();
        refused(sub().setReadersPerEndpoint(2), "zeromq.req.readers-per-endpoint applies to the REQ pattern only");
        refused(sub().setPattern(ZmqSourcePattern.REQ).setTrack("none").setReadersPerEndpoint(0),
                "zeromq.req.readers-per-endpoint must be at least 1");
    }

    @Test
    void refusesOptionsOutOfRangeNamingThem() {
        refused(sub().setRequestsInFlight(0), "zeromq.req.in-flight must be at least 1");
        refused(sub().set(ZmqOptions.RECEIVE_HWM, -1), "zeromq.receive.hwm must not be negative");
        refused(sub().set(ZmqOptions.SEND_HWM, -1), "zeromq.send.hwm must not be negative");
        refused(sub().set(ZmqOptions.MAX_MESSAGE_SIZE, MemorySize.ZERO), "zeromq.max-message-size must be at least");
        refused(sub().set(ZmqOptions.RETRY_PAUSE, Duration.ofMillis(-1)), "zeromq.req.retry-pause must not be negative");
        refused(sub().set(ZmqOptions.REQUEST_TIMEOUT, Duration.ZERO), "zeromq.req.timeout must be positive");
        refused(sub().set(ZmqOptions.RECONNECT_INTERVAL, Duration.ofDays(30)), "zeromq.reconnect.interval must be");
        refused(sub().set(ZmqOptions.HANDSHAKE_TIMEOUT, Duration.ofMillis(-5)), "zeromq.handshake.timeout must be");
    }

    @Test
    void curveNeedsLibzmqAndTheKeysEachEndpointNeeds() {
        CurveCertificate own = CurveCertificate.generate();
        CurveCertificate server = CurveCertificate.generate();
        ZmqCurve client = ZmqCurve.withCertificate(own).trustServer(server);

        assertThat(sub().setCurve(client).build()).as("CURVE picks libzmq").isNotNull();
        refused(sub().setCurve(client).set(ZmqOptions.TRANSPORT, ZmqTransport.JEROMQ), "jeromq issue 1009");
        refused(sub().setCurve(ZmqCurve.withCertificate(own)), "needs the public certificate of the server");
        refused(sub().addEndpoint(ZmqEndpoint.bind("tcp://127.0.0.1:5556")).setCurve(client),
                "needs the public certificates of the clients");
        assertThatThrownBy(() -> ZmqCurve.withCertificate(new CurveCertificate(own.publicKey(), null)))
                .hasMessageContaining("needs its secret key");
        assertThat(ZmqCurve.withCertificate(own).toString()).doesNotContain(own.secretKey());
    }
}
