package io.videostream.codec;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Raw 8-bit pixels, row-major and tightly packed: {@code height * width * channels} bytes, BGR order
 * for three channels as in OpenCV. The bytes live in a {@link ByteBuffer}, usually a direct one so
 * native codecs read and write them without a copy.
 *
 * <p>A {@code Pixels} does not copy its buffer: whoever creates one promises not to change the bytes
 * while it is in use. Codecs that reuse an output buffer say so in their Javadoc.
 */
public final class Pixels {
    private final int width;
    private final int height;
    private final int channels;
    private final ByteBuffer data;

    /**
     * @param data a buffer whose first {@code width * height * channels} bytes from its position
     *     are the pixels; the new instance keeps a read-only slice of exactly that length
     */
    public Pixels(int width, int height, int channels, ByteBuffer data) {
        checkDimensions(width, height, channels);
        long size = (long) width * height * channels;
        Objects.requireNonNull(data, "data");
        if (data.remaining() < size) {
            throw new IllegalArgumentException(
                    "pixel buffer holds " + data.remaining() + " bytes, " + width + "x" + height
                            + "x" + channels + " needs " + size);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data.slice(data.position(), (int) size).asReadOnlyBuffer();
    }

    /** Wraps a heap array without copying it. */
    public static Pixels wrap(int width, int height, int channels, byte[] bytes) {
        return new Pixels(width, height, channels, ByteBuffer.wrap(bytes));
    }

    /** Fails with a clear message unless the dimensions describe a non-empty 8-bit image. */
    public static void checkDimensions(int width, int height, int channels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (gray) or 3 (BGR): " + channels);
        }
        if ((long) width * height * channels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + width + "x" + height + "x" + channels);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    /** Number of pixel bytes. */
    public int size() {
        return data.capacity();
    }

    /** A read-only view of the pixel bytes, positioned at 0 (each call returns a new view). */
    public ByteBuffer buffer() {
        return data.duplicate();
    }

    /** A fresh copy of the pixel bytes. */
    public byte[] toByteArray() {
        byte[] out = new byte[size()];
        data.get(0, out);
        return out;
    }

    /** A copy on the heap that no codec will overwrite. */
    public Pixels copy() {
        return wrap(width, height, channels, toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pixels p
                && width == p.width
                && height == p.height
                && channels == p.channels
                && data.equals(p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, data);
    }

    @Override
    public String toString() {
        return "Pixels[" + width + "x" + height + "x" + channels + "]";
    }
}
