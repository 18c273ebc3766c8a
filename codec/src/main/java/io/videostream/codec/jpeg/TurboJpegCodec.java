package io.videostream.codec.jpeg;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.videostream.codec.Pixels;
import java.nio.ByteBuffer;

/**
 * {@link JpegCodec} on libjpeg-turbo's TurboJPEG API. Pixels in direct buffers go to and come from
 * the library without a copy; the compressed side uses native buffers that grow once and are then
 * reused, so a steady stream allocates only each output JPEG array.
 */
final class TurboJpegCodec implements JpegCodec {
    private static final int ENCODE_FLAGS = TurboJpeg.TJFLAG_FASTDCT | TurboJpeg.TJFLAG_NOREALLOC;
    private static final int DECODE_FLAGS =
            TurboJpeg.TJFLAG_FASTDCT | TurboJpeg.TJFLAG_FASTUPSAMPLE | TurboJpeg.TJFLAG_LIMITSCANS;

    private final int quality;
    private final JpegLimits limits;
    private final Pointer compressor;
    private Pointer decompressor;
    private final Memory jpegBufRef = new Memory(Native.POINTER_SIZE);
    private final Memory jpegSizeRef = new Memory(NativeLong.SIZE);
    private final int[] width = new int[1];
    private final int[] height = new int[1];
    private final int[] subsamp = new int[1];
    private final int[] colorspace = new int[1];
    private Memory jpegBuffer = new Memory(64 << 10);
    private final DirectPixels directPixels = new DirectPixels();
    private ByteBuffer decoded = ByteBuffer.allocateDirect(0);
    private boolean closed;

    TurboJpegCodec(int quality, JpegLimits limits) {
        Throwable failure = TurboJpeg.loadFailure();
        if (failure != null) {
            throw new IllegalStateException("TurboJPEG (" + TurboJpeg.LIBRARY + ") is not available: " + failure, failure);
        }
        this.quality = quality;
        this.limits = limits;
        this.compressor = TurboJpeg.tjInitCompress();
        this.decompressor = TurboJpeg.tjInitDecompress();
        if (compressor == null || decompressor == null) {
            close();
            throw new IllegalStateException("TurboJPEG could not create its handles");
        }
    }

    @Override
    public Implementation implementation() {
        return Implementation.TURBOJPEG;
    }

    @Override
    public byte[] encode(Pixels image) {
        ensureOpen();
        limits.checkDimensions(image.width(), image.height());
        boolean gray = image.channels() == 1;
        int subsampling = gray ? TurboJpeg.TJSAMP_GRAY : TurboJpeg.TJSAMP_420;
        long bound = TurboJpeg.tjBufSize(image.width(), image.height(), subsampling).longValue();
        jpegBuffer = atLeast(jpegBuffer, bound);
        jpegBufRef.setPointer(0, jpegBuffer);
        jpegSizeRef.setNativeLong(0, new NativeLong(jpegBuffer.size()));
        int status = TurboJpeg.tjCompress2(compressor, Native.getDirectBufferPointer(directPixels.of(image)), image.width(), 0, image.height(),
                gray ? TurboJpeg.TJPF_GRAY : TurboJpeg.TJPF_BGR, jpegBufRef, jpegSizeRef, subsampling, quality,
                ENCODE_FLAGS);
        if (status != 0) {
            throw new JpegException("JPEG encoding failed: " + TurboJpeg.tjGetErrorStr2(compressor));
        }
        return jpegBuffer.getByteArray(0, (int) jpegSizeRef.getNativeLong(0).longValue());
    }

    @Override
    public Pixels decode(byte[] jpeg, int offset, int length) {
        ensureOpen();
        limits.checkPayload(length);
        jpegBuffer = atLeast(jpegBuffer, length);
        jpegBuffer.write(0, jpeg, offset, length);
        NativeLong size = new NativeLong(length);
        if (TurboJpeg.tjDecompressHeader3(decompressor, jpegBuffer, size, width, height, subsamp, colorspace) != 0) {
            throw corrupt("not a decodable JPEG (" + length + " bytes)");
        }
        limits.checkDimensions(width[0], height[0]);
        int bytes = width[0] * height[0] * 3;
        if (decoded.capacity() < bytes) {
            decoded = ByteBuffer.allocateDirect(bytes);
        }
        int status = TurboJpeg.tjDecompress2(decompressor, jpegBuffer, size, Native.getDirectBufferPointer(decoded),
                width[0], 0, height[0], TurboJpeg.TJPF_BGR, DECODE_FLAGS);
        if (status != 0) {
            // Warnings (a truncated image, say) count as corrupt too: the picture is incomplete.
            throw corrupt("corrupt JPEG " + width[0] + "x" + height[0] + " (" + length + " bytes)");
        }
        return new Pixels(width[0], height[0], 3, decoded.duplicate());
    }

    /**
     * The error for the JPEG just tried. The decompressor is replaced: after an error TurboJPEG 2.x
     * may fail the next image with the previous one's error.
     */
    private CorruptJpegException corrupt(String what) {
        CorruptJpegException error = new CorruptJpegException(what + ": " + TurboJpeg.tjGetErrorStr2(decompressor));
        TurboJpeg.tjDestroy(decompressor);
        decompressor = TurboJpeg.tjInitDecompress();
        if (decompressor == null) {
            closed = true;
            throw new IllegalStateException("TurboJPEG could not create a new decompressor");
        }
        return error;
    }

    private static Memory atLeast(Memory current, long size) {
        if (current.size() >= size) {
            return current;
        }
        current.close();
        return new Memory(size);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("codec is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (compressor != null) {
            TurboJpeg.tjDestroy(compressor);
        }
        if (decompressor != null) {
            TurboJpeg.tjDestroy(decompressor);
        }
        jpegBuffer.close();
        jpegBufRef.close();
        jpegSizeRef.close();
    }
}
