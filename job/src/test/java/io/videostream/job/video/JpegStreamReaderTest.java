package io.videostream.job.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JpegStreamReaderTest {
    private static byte[] first;
    private static byte[] second;

    @BeforeAll
    static void encode() {
        try (JpegCodec codec = JpegCodecs.create()) {
            first = codec.encode(TestCards.frame(TestCard.TEST_S, false, 0));
            second = codec.encode(TestCards.frame(TestCard.TEST_S, true, 7));
        }
    }

    private static List<byte[]> readAll(byte[] stream, int maxBytes) throws Exception {
        JpegStreamReader reader = new JpegStreamReader(new ByteArrayInputStream(stream), maxBytes);
        List<byte[]> images = new ArrayList<>();
        for (byte[] image = reader.next(); image != null && images.size() < 100; image = reader.next()) {
            images.add(image);
        }
        return images;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void takesEachImageWholeAndSkipsWhatLiesBetween() throws Exception {
        byte[] junk = {0x00, (byte) 0xFF, 0x12, (byte) 0xD9};
        List<byte[]> images = readAll(concat(junk, first, junk, second, first), 64 << 20);
        assertThat(images).hasSize(3);
        assertThat(images.get(0)).isEqualTo(first);
        assertThat(images.get(1)).isEqualTo(second);
        assertThat(images.get(2)).isEqualTo(first);
    }

    @Test
    void anEndOfImageInsideASegmentDoesNotEndTheImage() throws Exception {
        // An APP1 segment (as EXIF's, with a thumbnail) holding FF D8 ... FF D9 right after the start.
        byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0x00, 0x08, (byte) 0xFF, (byte) 0xD8, 0x01, (byte) 0xFF, (byte) 0xD9, 0x00};
        byte[] withThumbnail = concat(Arrays.copyOf(first, 2), app1, Arrays.copyOfRange(first, 2, first.length));
        assertThat(readAll(concat(withThumbnail, second), 64 << 20)).satisfiesExactly(
                image -> assertThat(image).isEqualTo(withThumbnail),
                image -> assertThat(image).isEqualTo(second));
    }

    @Test
    void anImageOverTheLimitIsSkippedWholeAndTheNextOneTaken() throws Exception {
        byte[] small = first.length < second.length ? first : second;
        byte[] large = first.length < second.length ? second : first;
        JpegStreamReader reader = new JpegStreamReader(new ByteArrayInputStream(concat(large, small)), small.length);
        assertThat(reader.next()).isEqualTo(small);
        assertThat(reader.next()).isNull();
        assertThat(reader.oversizedImages()).isEqualTo(1);
    }

    @Test
    void anImageCutShortAtTheEndIsDropped() throws Exception {
        assertThat(readAll(concat(first, Arrays.copyOf(second, second.length / 2)), 64 << 20))
                .satisfiesExactly(image -> assertThat(image).isEqualTo(first));
        assertThat(readAll(new byte[0], 1024)).isEmpty();
    }
}
