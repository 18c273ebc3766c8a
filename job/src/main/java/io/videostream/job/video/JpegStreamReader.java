package io.videostream.job.video;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The JPEG images of a stream that holds them one after another (FFmpeg's {@code -f mjpeg}), each
 * taken whole by its structure: marker segments by their lengths, entropy-coded data up to the next
 * marker, so that no byte pair inside an image (a thumbnail's end, say) is taken for its end. Bytes
 * before an image's start are skipped and counted; an image larger than the limit is skipped whole.
 */
final class JpegStreamReader {
    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;

    private final InputStream in;
    private final int maxBytes;
    private byte[] image = new byte[1 << 16];
    private int size;
    private long skippedBytes;
    private long oversizedImages;

    /** @param maxBytes the largest image taken */
    JpegStreamReader(InputStream in, int maxBytes) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.maxBytes = maxBytes;
    }

    /** The next whole image, or null at the end of the stream (an image cut short there is dropped). */
    byte[] next() throws IOException {
        while (true) {
            try {
                if (!findStart()) {
                    return null;
                }
                if (readImage()) {
                    return Arrays.copyOf(image, size);
                }
                oversizedImages++;
            } catch (EOFException cutShort) {
                return null;
            }
        }
    }

    /** Bytes that were not part of an image. */
    long skippedBytes() {
        return skippedBytes;
    }

    /** Images skipped for being larger than the limit. */
    long oversizedImages() {
        return oversizedImages;
    }

    /** Skips to the next start of image (FF D8); false at the end of the stream. */
    private boolean findStart() throws IOException {
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (previous == MARKER && b == SOI) {
                size = 0;
                put(MARKER);
                put(SOI);
                return true;
            }
            if (previous >= 0) {
                skippedBytes++;
            }
            previous = b;
        }
        if (previous >= 0) {
            skippedBytes++;
        }
        return false;
    }

    /** Reads the rest of an image after its start; false if it outgrew the limit (then skipped to its end). */
    private boolean readImage() throws IOException {
        boolean fits = true;
        int marker = readMarker();
        while (marker != EOI) {
            if (marker == SOI || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                marker = readMarker(); // no segment follows these
                continue;
            }
            int high = readByte();
            int low = readByte();
            int length = (high << 8) | low;
            fits &= put(high) & put(low);
            for (int i = 2; i < length; i++) {
                fits &= put(readByte());
            }
            if (marker == SOS) {
                marker = readScan();
                fits &= size <= maxBytes;
            } else {
                marker = readMarker();
            }
        }
        return fits && size <= maxBytes;
    }

    /** The next marker's code, after its FF (fill bytes skipped). */
    private int readMarker() throws IOException {
        int b = readByte();
        while (b != MARKER) {
            skippedBytes++; // garbage between segments
            b = readByte();
        }
        int code = readByte();
        while (code == MARKER) {
            code = readByte();
        }
        put(MARKER);
        put(code);
        return code;
    }

    /** Entropy-coded data up to the marker that ends it (stuffed FF 00 and restart markers are data). */
    private int readScan() throws IOException {
        while (true) {
            int b = readByte();
            if (b != MARKER) {
                put(b);
                continue;
            }
            int next = readByte();
            while (next == MARKER) {
                next = readByte();
            }
            put(MARKER);
            put(next);
            if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                return next;
            }
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /** Appends a byte while the image fits (one byte past the limit marks it too large); false once it does not. */
    private boolean put(int b) {
        if (size > maxBytes) {
            return false;
        }
        if (size == image.length) {
            image = Arrays.copyOf(image, Math.min(image.length * 2, maxBytes + 1));
        }
        image[size++] = (byte) b;
        return size <= maxBytes;
    }
}
