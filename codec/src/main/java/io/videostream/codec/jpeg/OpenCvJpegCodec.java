package io.videostream.codec.jpeg;

import io.videostream.codec.Pixels;
import io.videostream.codec.opencv.OpenCvNative;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@link JpegCodec} on OpenCV's {@code Imgcodecs}: the fallback when TurboJPEG is missing. The
 * org.openpnp build has no SIMD JPEG and is several times slower.
 */
final class OpenCvJpegCodec implements JpegCodec {
    static {
        OpenCvNative.load();
    }

    private final JpegLimits limits;
    private final DirectPixels directPixels = new DirectPixels();
    private final MatOfInt encodeParams;
    private final MatOfByte encoded = new MatOfByte();
    private ByteBuffer decoded = ByteBuffer.allocateDirect(0);

    OpenCvJpegCodec(int quality, JpegLimits limits) {
        this.limits = limits;
        this.encodeParams = new MatOfInt(
                Imgcodecs.IMWRITE_JPEG_QUALITY, quality,
                Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420);
    }

    @Override
    public Implementation implementation() {
        return Implementation.OPENCV;
    }

    @Override
    public byte[] encode(Pixels image) {
        limits.checkDimensions(image.width(), image.height());
        int type = image.channels() == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3;
        Mat mat = new Mat(image.height(), image.width(), type, directPixels.of(image));
        try {
            if (!Imgcodecs.imencode(".jpg", mat, encoded, encodeParams)) {
                throw new JpegException("OpenCV could not encode " + image);
            }
            return encoded.toArray();
        } finally {
            mat.release();
        }
    }

    @Override
    public Pixels decode(byte[] jpeg, int offset, int length) {
        limits.checkPayload(length);
        JpegHeader header = JpegHeader.read(jpeg, offset, length);
        if (!JpegHeader.endsWithEndOfImage(jpeg, offset, length)) {
            // OpenCV would show a truncated image with a gray bottom; TurboJPEG rejects it too.
            throw new CorruptJpegException("truncated JPEG: no end-of-image marker in " + length + " bytes");
        }
        limits.checkDimensions(header.width(), header.height());
        MatOfByte input = new MatOfByte();
        input.fromArray(offset == 0 && length == jpeg.length ? jpeg : Arrays.copyOfRange(jpeg, offset, offset + length));
        Mat image = Imgcodecs.imdecode(input, Imgcodecs.IMREAD_COLOR);
        try {
            if (image.empty()) {
                throw new CorruptJpegException("not a decodable JPEG (" + length + " bytes)");
            }
            int bytes = image.cols() * image.rows() * 3;
            if (decoded.capacity() < bytes) {
                decoded = ByteBuffer.allocateDirect(bytes);
            }
            Mat target = new Mat(image.rows(), image.cols(), CvType.CV_8UC3, decoded);
            image.copyTo(target);
            target.release();
            return new Pixels(image.cols(), image.rows(), 3, decoded.duplicate());
        } finally {
            image.release();
            input.release();
        }
    }

    @Override
    public void close() {
        encoded.release();
        encodeParams.release();
    }
}
