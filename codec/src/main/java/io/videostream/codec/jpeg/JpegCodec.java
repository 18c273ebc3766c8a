package io.videostream.codec.jpeg;

import io.videostream.codec.Pixels;

/**
 * Encodes BGR (or gray) {@link Pixels} to JPEG and decodes JPEG to BGR, with pystreaming's settings:
 * 4:2:0 chroma subsampling and fast DCT; decoding uses fast DCT and fast upsampling.
 *
 * <p>An instance holds native state and reusable buffers: it is <b>not thread-safe</b>. Create one per
 * operator instance (in {@code open()}) and {@link #close()} it when done.
 */
public interface JpegCodec extends AutoCloseable {

    /** Which library does the work. */
    enum Implementation {
        /** Pick TurboJPEG when {@code libturbojpeg.so.0} loads, OpenCV otherwise. */
        AUTO,
        /** libjpeg-turbo's TurboJPEG API through JNA. */
        TURBOJPEG,
        /** OpenCV's {@code Imgcodecs} (org.openpnp build). */
        OPENCV
    }

    Implementation implementation();

    /**
     * Encodes the pixels at the codec's quality.
     *
     * @return a new array holding exactly the JPEG bytes
     * @throws JpegLimitException if the image is larger than the limits
     */
    byte[] encode(Pixels image);

    /**
     * Decodes a JPEG to 3-channel BGR pixels.
     *
     * <p>The result is backed by a buffer this codec <b>reuses</b>: it stays valid until the next
     * {@code decode} on this codec. Keep the pixels longer through {@link Pixels#copy()} or by
     * encoding them again.
     *
     * @throws CorruptJpegException if the bytes are not a complete, valid JPEG
     * @throws JpegLimitException if the payload or the declared image size exceeds the limits
     */
    Pixels decode(byte[] jpeg, int offset, int length);

    default Pixels decode(byte[] jpeg) {
        return decode(jpeg, 0, jpeg.length);
    }

    /** Releases native memory and handles; the codec cannot be used afterwards. */
    @Override
    void close();
}
