package io.videostream.codec.jpeg;

import static io.videostream.codec.TestImages.fixture;
import static io.videostream.codec.TestImages.gradient;
import static io.videostream.codec.TestImages.psnr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec.Implementation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both codec implementations, held to the same contract. */
class JpegCodecTest {
    private static final byte[] CAPTURED = fixture("a_p2p_pub_fno0", "part0_buf.bin");

    private static JpegCodec codec(Implementation implementation) {
        return JpegCodecs.create(implementation, 50, JpegLimits.DEFAULT);
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void roundTripKeepsSizeAndLooksLikeTheOriginal(Implementation implementation) {
        Pixels original = gradient(640, 480);
        try (JpegCodec codec = codec(implementation)) {
            byte[] jpeg = codec.encode(original);
            Pixels decoded = codec.decode(jpeg);
            assertThat(decoded.width()).isEqualTo(640);
            assertThat(decoded.height()).isEqualTo(480);
            assertThat(decoded.channels()).isEqualTo(3);
            assertThat(psnr(original, decoded)).isGreaterThan(30.0);
            assertThat(jpeg.length).isLessThan(original.size() / 10);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void encodesBaseline420LikePystreaming(Implementation implementation) {
        try (JpegCodec codec = codec(implementation)) {
            byte[] jpeg = codec.encode(gradient(320, 240));
            int sof = indexOf(jpeg, (byte) 0xff, (byte) 0xc0);
            assertThat(sof).as("baseline SOF0 marker").isPositive();
            assertThat(jpeg[sof + 9]).as("components").isEqualTo((byte) 3);
            assertThat(jpeg[sof + 11]).as("luma sampling 2x2 (4:2:0)").isEqualTo((byte) 0x22);
            assertThat(jpeg[sof + 14]).as("chroma sampling 1x1").isEqualTo((byte) 0x11);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void decodesWhatPystreamingSends(Implementation implementation) {
        try (JpegCodec codec = codec(implementation)) {
            Pixels image = codec.decode(CAPTURED).copy();
            assertThat(image.width()).isEqualTo(640);
            assertThat(image.height()).isEqualTo(480);
            assertThat(psnr(image, codec.decode(codec.encode(image)))).isGreaterThan(30.0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void encodesGrayImages(Implementation implementation) {
        byte[] gray = new byte[64 * 48];
        Arrays.fill(gray, (byte) 128);
        try (JpegCodec codec = codec(implementation)) {
            Pixels decoded = codec.decode(codec.encode(Pixels.wrap(64, 48, 1, gray)));
            assertThat(decoded.channels()).isEqualTo(3);
            assertThat(decoded.buffer().get(64 * 3 * 20 + 30) & 0xff).isBetween(126, 130);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void rejectsBadInputWithTypedExceptionsAndKeepsWorking(Implementation implementation) {
        try (JpegCodec codec = codec(implementation)) {
            byte[] junk = new byte[5000];
            new Random(1).nextBytes(junk);
            assertThatThrownBy(() -> codec.decode(junk)).isInstanceOf(CorruptJpegException.class)
                    .hasMessageContaining("JPEG");
            assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(CorruptJpegException.class);
            assertThatThrownBy(() -> codec.decode("nil".getBytes())).isInstanceOf(CorruptJpegException.class);
            byte[] truncated = Arrays.copyOf(CAPTURED, CAPTURED.length / 2);
            assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(CorruptJpegException.class);
            byte[] damaged = CAPTURED.clone();
            int scan = indexOf(damaged, (byte) 0xff, (byte) 0xda);
            damaged[scan + 2] = 0; // scan header length 0
            damaged[scan + 3] = 0;
            assertThatThrownBy(() -> codec.decode(damaged)).isInstanceOf(CorruptJpegException.class);

            assertThat(codec.decode(CAPTURED).width()).as("the codec still works").isEqualTo(640);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void rejectsAbsurdDimensionsAndOversizePayloadsBeforeAllocating(Implementation implementation) {
        byte[] huge = CAPTURED.clone();
        int sof = indexOf(huge, (byte) 0xff, (byte) 0xc0);
        huge[sof + 5] = (byte) 0xea; // height 60000
        huge[sof + 6] = (byte) 0x60;
        huge[sof + 7] = (byte) 0xea; // width 60000
        huge[sof + 8] = (byte) 0x60;
        try (JpegCodec codec = codec(implementation)) {
            assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(JpegLimitException.class)
                    .hasMessageContaining("60000x60000").hasMessageContaining("8192x8192");
        }
        try (JpegCodec small = JpegCodecs.create(implementation, 50, new JpegLimits(320, 240, 10_000))) {
            assertThatThrownBy(() -> small.decode(CAPTURED)).isInstanceOf(JpegLimitException.class)
                    .hasMessageContaining("52888 bytes");
            assertThatThrownBy(() -> small.encode(gradient(640, 480))).isInstanceOf(JpegLimitException.class)
                    .hasMessageContaining("640x480");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void decodeReusesItsOutputBuffer(Implementation implementation) {
        try (JpegCodec codec = codec(implementation)) {
            byte[] first = codec.encode(gradient(64, 48));
            byte[] second = codec.encode(Pixels.wrap(64, 48, 3, new byte[64 * 48 * 3]));
            Pixels a = codec.decode(first);
            byte[] aCopy = a.toByteArray();
            codec.decode(second);
            assertThat(a.toByteArray()).as("overwritten by the next decode").isNotEqualTo(aCopy);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"TURBOJPEG", "OPENCV"})
    void oneCodecPerThreadWorksInParallel(Implementation implementation) throws Exception {
        Pixels image = gradient(320, 240);
        byte[] expected;
        try (JpegCodec codec = codec(implementation)) {
            expected = codec.encode(image);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    try (JpegCodec codec = codec(implementation)) {
                        for (int i = 0; i < 50; i++) {
                            byte[] jpeg = codec.encode(image);
                            if (!Arrays.equals(jpeg, expected) || codec.decode(jpeg).width() != 320) {
                                return false;
                            }
                        }
                        return true;
                    }
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static int indexOf(byte[] data, byte first, byte second) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == first && data[i + 1] == second) {
                return i;
            }
        }
        return -1;
    }
}
