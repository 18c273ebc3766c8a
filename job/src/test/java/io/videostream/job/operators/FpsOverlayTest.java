package io.videostream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.jpeg.JpegSettings;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;

/** The frame rate written onto the frames, as pystreaming's dispfps(write=True) does. */
class FpsOverlayTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @Test
    void theRateIsWrittenInGreenAtTheTopLeftAndTheRestOfThePictureStays() throws Exception {
        FpsOverlay overlay = new FpsOverlay(JpegSettings.DEFAULT);
        overlay.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        overlay.open(DefaultOpenContext.INSTANCE);
        try (JpegCodec codec = JpegCodecs.create()) {
            byte[] black = codec.encode(Pixels.wrap(WIDTH, HEIGHT, 3, new byte[WIDTH * HEIGHT * 3]));
            Frame last = null;
            for (int fno = 0; fno < 3; fno++) {
                last = overlay.map(Frame.encoded("cam", fno, 1.0 + fno / 30.0, "meta stays", black));
                Thread.sleep(20);
            }
            assertThat(last.fno()).isEqualTo(2);
            assertThat(last.meta()).isEqualTo("meta stays");
            byte[] bgr = codec.decode(last.jpeg()).toByteArray();
            assertThat(greenPixels(bgr, 0, 0, 260, 45)).as("text in the top-left corner").isGreaterThan(200);
            assertThat(greenPixels(bgr, 0, 60, WIDTH, HEIGHT)).as("below it, the picture as it was").isZero();
        } finally {
            overlay.close();
        }
    }

    private static int greenPixels(byte[] bgr, int x0, int y0, int x1, int y1) {
        int green = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = (y * WIDTH + x) * 3;
                green += (bgr[i + 1] & 0xff) > 128 && (bgr[i] & 0xff) < 100 && (bgr[i + 2] & 0xff) < 100 ? 1 : 0;
            }
        }
        return green;
    }
}
