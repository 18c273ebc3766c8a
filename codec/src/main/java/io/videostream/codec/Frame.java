package io.videostream.codec;

import io.videostream.codec.serialization.FrameTypeInfoFactory;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One video frame as it travels through a job: the stream it belongs to, its frame number, its
 * capture time, a plain-data {@code meta} value and an image that is either JPEG bytes or raw
 * {@link Pixels}.
 *
 * <p>Immutable: the {@code with*} methods return new frames. The JPEG array and the pixel buffer are
 * shared, not copied, so nobody may change them after building the frame; that is what lets Flink
 * pass a frame between chained operators without a copy.
 *
 * <p>{@code fno} and {@code ftime} follow pystreaming: frame numbers count from 0, negative ones are
 * control messages (see {@code PyStreamingWire}), and {@code ftime} is seconds since the Unix epoch.
 */
@TypeInfo(FrameTypeInfoFactory.class)
public final class Frame {
    /** The stream name used when a producer does not name its stream. */
    public static final String DEFAULT_STREAM = "default";

    private final String stream;
    private final long fno;
    private final double ftime;
    private final Object meta;
    private final byte[] jpeg;
    private final Pixels pixels;

    /** Takes {@code meta} in canonical form (see {@link PlainData#check}). */
    private Frame(String stream, long fno, double ftime, Object meta, byte[] jpeg, Pixels pixels) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.fno = fno;
        this.ftime = ftime;
        this.meta = meta;
        this.jpeg = jpeg;
        this.pixels = pixels;
    }

    /** A frame whose image is encoded (JPEG bytes, or pystreaming's {@code nil} in control replies). */
    public static Frame encoded(String stream, long fno, double ftime, Object meta, byte[] jpeg) {
        return new Frame(stream, fno, ftime, PlainData.check(meta), Objects.requireNonNull(jpeg, "jpeg"), null);
    }

    /** A frame whose image is raw pixels. */
    public static Frame raw(String stream, long fno, double ftime, Object meta, Pixels pixels) {
        return new Frame(stream, fno, ftime, PlainData.check(meta), null, Objects.requireNonNull(pixels, "pixels"));
    }

    public String stream() {
        return stream;
    }

    public long fno() {
        return fno;
    }

    /** Capture time in seconds since the Unix epoch. */
    public double ftime() {
        return ftime;
    }

    /** Capture time in milliseconds since the Unix epoch, as Flink event time. */
    public long eventTimeMillis() {
        return Math.round(ftime * 1000.0);
    }

    /** Plain data: null, Boolean, Long, Double, String, byte[], List or Map of these. */
    public Object meta() {
        return meta;
    }

    public boolean isEncoded() {
        return jpeg != null;
    }

    /** The encoded bytes (shared, do not modify); fails for a raw frame. */
    public byte[] jpeg() {
        if (jpeg == null) {
            throw new IllegalStateException("frame " + fno + " of '" + stream + "' holds raw pixels, not JPEG");
        }
        return jpeg;
    }

    /** The raw pixels; fails for an encoded frame. */
    public Pixels pixels() {
        if (pixels == null) {
            throw new IllegalStateException("frame " + fno + " of '" + stream + "' holds JPEG, not raw pixels");
        }
        return pixels;
    }

    public Frame withJpeg(byte[] newJpeg) {
        return new Frame(stream, fno, ftime, meta, Objects.requireNonNull(newJpeg, "jpeg"), null);
    }

    public Frame withPixels(Pixels newPixels) {
        return new Frame(stream, fno, ftime, meta, null, Objects.requireNonNull(newPixels, "pixels"));
    }

    public Frame withStream(String newStream) {
        return new Frame(Objects.requireNonNull(newStream, "stream"), fno, ftime, meta, jpeg, pixels);
    }

    public Frame withMeta(Object newMeta) {
        return new Frame(stream, fno, ftime, PlainData.check(newMeta), jpeg, pixels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f
                && fno == f.fno
                && Double.compare(ftime, f.ftime) == 0
                && stream.equals(f.stream)
                && PlainData.equal(meta, f.meta)
                && Arrays.equals(jpeg, f.jpeg)
                && Objects.equals(pixels, f.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, fno, ftime);
    }

    @Override
    public String toString() {
        String image = jpeg != null ? "jpeg " + jpeg.length + " B" : pixels.toString();
        return "Frame[" + stream + " #" + fno + " t=" + ftime + " " + image + " meta=" + PlainData.describe(meta) + "]";
    }
}
