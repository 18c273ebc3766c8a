package io.videostream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.codec.TestImages;
import io.videostream.codec.wire.WireLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyStreamingSchemaTest {
    private final PyStreamingSchema schema = new PyStreamingSchema();
    private final ZmqEndpoint camera = ZmqEndpoint.connect("tcp://127.0.0.1:5555");

    @Test
    void framesAreNamedAfterTheirEndpointAndTimedByTheirCaptureTime() throws Exception {
        Frame frame = schema.deserialize(TestImages.fixtureMessage("a_p2p_pub_fno0"), camera);
        assertThat(frame.stream()).isEqualTo("tcp://127.0.0.1:5555");
        assertThat(schema.kind(frame)).isEqualTo(MessageKind.DATA);
        assertThat(schema.timestamp(frame)).isEqualTo(1795484676757L);
        assertThat(new PyStreamingSchema("front-door", WireLimits.DEFAULT, true)
                .deserialize(TestImages.fixtureMessage("a_p2p_pub_fno0"), camera).stream()).isEqualTo("front-door");
    }

    @Test
    void controlMessagesMeanWhatPystreamingMeans() throws Exception {
        assertThat(schema.kind(schema.deserialize(TestImages.fixtureMessage("a_p2p_pub_stopstream"), camera)))
                .isEqualTo(MessageKind.END_OF_STREAM);
        assertThat(schema.kind(schema.deserialize(TestImages.fixtureMessage("b_dist_rep_framemiss"), camera)))
                .isEqualTo(MessageKind.NOT_AVAILABLE);
        assertThat(schema.kind(schema.deserialize(TestImages.fixtureMessage("b_dist_rep_trackmiss"), camera)))
                .isEqualTo(MessageKind.UNKNOWN_TRACK);
        assertThat(schema.notAvailable("none")).containsExactlyElementsOf(TestImages.fixtureMessage("b_dist_rep_framemiss"));
        assertThat(schema.unknownTrack("bogus")).containsExactlyElementsOf(TestImages.fixtureMessage("b_dist_rep_trackmiss"));
    }

    @Test
    void aSourceThatIgnoresStopstreamTakesItForNoFrameNow() throws Exception {
        PyStreamingSchema service = PyStreamingSchema.forSource(true);
        Frame stop = service.deserialize(TestImages.fixtureMessage("a_p2p_pub_stopstream"), camera);
        assertThat(service.kind(stop)).isEqualTo(MessageKind.NOT_AVAILABLE);
        assertThat(service.kind(service.deserialize(TestImages.fixtureMessage("a_p2p_pub_fno0"), camera)))
                .isEqualTo(MessageKind.DATA);
        assertThat(PyStreamingSchema.forSource(false).kind(stop)).isEqualTo(MessageKind.END_OF_STREAM);
    }

    @Test
    void socketsTakeTheLargestPartTheWireLimitsAllowAndNoMore() {
        assertThat(new PyStreamingSchema().maxMessageSize().getBytes()).as("a 64 MiB JPEG")
                .isEqualTo(WireLimits.DEFAULT.maxImageBytes());
        var small = new WireLimits(1 << 20, 2 << 20, 640, 480);
        assertThat(new PyStreamingSchema(null, small, true).maxMessageSize().getBytes()).as("the larger of the two")
                .isEqualTo(2 << 20);
    }

    @Test
    void endOfStreamIsPystreamingsStopMessage() {
        List<byte[]> ours = schema.endOfStream();
        List<byte[]> theirs = TestImages.fixtureMessage("a_p2p_pub_stopstream");
        assertThat(ours.get(0)).as("the same 10x10 black JPEG").isEqualTo(theirs.get(0));
        assertThat(ours.get(1)).as("meta None").isEqualTo(theirs.get(1));
        assertThat(ours.get(3)).as("fno -1").isEqualTo(theirs.get(3));
    }
}
