package io.videostream.job.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.codec.FrameProcessor;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.opencv.OpenCvNative;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.job.operators.AnalyzeFrames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.QRCodeEncoder;

/** What each worker processor does to a frame. */
class ProcessorsTest {
    private static Frame card() {
        return Frame.raw("cam", 7, 1.0, "incoming", TestCards.frame(TestCard.IMAG_S, false, 0));
    }

    /** A 640x480 white frame with a QR code of {@code text} in it. */
    private static Frame qrFrame(String text) {
        OpenCvNative.load();
        Mat code = new Mat();
        QRCodeEncoder.create().encode(text, code);
        Mat large = new Mat();
        Imgproc.resize(code, large, new Size(code.cols() * 8, code.rows() * 8), 0, 0, Imgproc.INTER_NEAREST);
        Mat bordered = new Mat();
        Core.copyMakeBorder(large, bordered, 40, 480 - 40 - large.rows(), 40, 640 - 40 - large.cols(),
                Core.BORDER_CONSTANT, new Scalar(255));
        Mat bgr = new Mat();
        Imgproc.cvtColor(bordered, bgr, Imgproc.COLOR_GRAY2BGR);
        byte[] pixels = new byte[640 * 480 * 3];
        bgr.get(0, 0, pixels);
        return Frame.raw("cam", 1, 1.0, null, Pixels.wrap(640, 480, 3, pixels));
    }

    @Test
    void filtersKeepTheSizeAndTheMeta() {
        for (String name : List.of("gray", "blur", "edges")) {
            try (FrameProcessor processor = Processors.create(name)) {
                Frame out = processor.process(card());
                assertThat(List.of(out.pixels().width(), out.pixels().height(), out.pixels().channels()))
                        .as(name).containsExactly(640, 480, 3);
                assertThat(out.meta()).as(name).isEqualTo("incoming");
                assertThat(out.pixels().toByteArray()).as(name).isNotEqualTo(card().pixels().toByteArray());
            }
        }
    }

    @Test
    void edgesAreWhiteLinesOnBlack() {
        try (FrameProcessor edges = Processors.create("edges")) {
            byte[] bgr = edges.process(card()).pixels().toByteArray();
            long white = 0;
            for (byte b : bgr) {
                assertThat(b == 0 || b == (byte) 255).isTrue();
                white += b == (byte) 255 ? 1 : 0;
            }
            assertThat(white).isPositive();
        }
    }

    @Test
    void qrSendsTheDecodedTextAsMetaAndLeavesThePicture() {
        Frame frame = qrFrame("hello from videostream");
        try (FrameProcessor qr = Processors.create("qr")) {
            Frame out = qr.process(frame);
            assertThat(out.meta()).isEqualTo(Map.of("qr", "hello from videostream"));
            assertThat(out.pixels()).isEqualTo(frame.pixels());
            assertThat(qr.process(card()).meta()).isEqualTo(Map.of("qr", ""));
        }
    }

    @Test
    void peopleSendsTheBoxesItFoundAndDrawsThem() {
        try (FrameProcessor people = Processors.create("people")) {
            Frame out = people.process(card()); // a house, a sun, balls: nobody
            assertThat(out.meta()).isEqualTo(Map.of("people", List.of()));
            assertThat(out.pixels().toByteArray()).as("no box drawn").isEqualTo(card().pixels().toByteArray());
        }
    }

    @Test
    void resultOnlyForwardsTheOriginalJpegWithTheProcessorsMeta() throws Exception {
        AnalyzeFrames analyze = new AnalyzeFrames("qr", JpegSettings.DEFAULT);
        analyze.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        analyze.open(DefaultOpenContext.INSTANCE);
        try (JpegCodec codec = JpegCodecs.create()) {
            Frame raw = qrFrame("result only");
            byte[] jpeg = codec.encode(raw.pixels());
            List<Frame> results = new ArrayList<>();
            analyze.flatMap(Frame.encoded("cam", 3, 2.0, null, jpeg), new ListCollector<>(results));
            Frame out = results.get(0);
            assertThat(out.jpeg()).isSameAs(jpeg);
            assertThat(out.meta()).isEqualTo(Map.of("qr", "result only"));
        } finally {
            analyze.close();
        }
    }

    @Test
    void facesReadsItsHaarCascadeAndSendsTheBoxesItFound() {
        try (FrameProcessor faces = Processors.create("faces")) { // Debian's opencv-data cascade
            Frame out = faces.process(card());
            assertThat(out.meta()).isEqualTo(Map.of("faces", List.of()));
            assertThat(out.pixels().toByteArray()).as("no box drawn").isEqualTo(card().pixels().toByteArray());
        }
    }

    @Test
    void aMissingModelFileIsOneClearMessage() {
        assertThatThrownBy(() -> Processors.check("faces:/no/such/cascade.xml"))
                .hasMessage("the faces processor needs a Haar cascade file, and /no/such/cascade.xml is missing: "
                        + "install Debian's opencv-data, or give one as --processor faces:PATH");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Processors.create("hands"))
                .hasMessage("unknown processor 'hands' (known: identity|gray|blur|edges|people|qr|faces)");
    }

    @Test
    void aUsersOwnClassIsCreatedByNameAndRunsAsAnyProcessor() {
        try (FrameProcessor own = Processors.create("class:" + Own.class.getName())) {
            assertThat(own.process(card()).meta()).isEqualTo(Map.of("own", true));
        }
    }

    @Test
    void aUsersClassIsCheckedWithoutRunningAnyOfItsCode() {
        Processors.check("class:" + Explosive.class.getName(), null); // its static initializer would throw
    }

    @Test
    void whatIsNoProcessorOfOnesOwnIsRefusedWithTheReason(@TempDir Path dir) {
        assertThatThrownBy(() -> Processors.check("class:", null)).hasMessageContaining("full name of a class");
        assertThatThrownBy(() -> Processors.check("class:com.example.1st", null)).hasMessageContaining("full name");
        assertThatThrownBy(() -> Processors.check("class:com.example.Missing", null))
                .hasMessageContaining("com.example.Missing not found").hasMessageContaining("--processor-jar");
        assertThatThrownBy(() -> Processors.check("class:java.lang.String", null))
                .hasMessageContaining("java.lang.String is not a processor");
        assertThatThrownBy(() -> Processors.check("class:" + Hidden.class.getName(), null))
                .hasMessageContaining("must be a public class");
        assertThatThrownBy(() -> Processors.check("class:" + NeedsArguments.class.getName(), null))
                .hasMessageContaining("public constructor without arguments");
        assertThatThrownBy(() -> Processors.check("class:" + Own.class.getName(), dir.resolve("none.jar")))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> Processors.check("edges", dir.resolve("none.jar")))
                .hasMessageContaining("--processor class:NAME");
    }

    /** A processor of one's own, as a user writes it. */
    public static final class Own implements FrameProcessor {
        @Override
        public Frame process(Frame frame) {
            return frame.withMeta(Map.of("own", true));
        }
    }

    /** Any code of it that ran would throw. */
    public static final class Explosive implements FrameProcessor {
        private static final int NEVER = explode();

        private static int explode() {
            throw new IllegalStateException("a processor's code ran while it was only checked");
        }

        @Override
        public Frame process(Frame frame) {
            return frame.withMeta(NEVER);
        }
    }

    static final class Hidden implements FrameProcessor {
        @Override
        public Frame process(Frame frame) {
            return frame;
        }
    }

    public static final class NeedsArguments implements FrameProcessor {
        private final String model;

        public NeedsArguments(String model) {
            this.model = model;
        }

        @Override
        public Frame process(Frame frame) {
            return frame.withMeta(model);
        }
    }
}
