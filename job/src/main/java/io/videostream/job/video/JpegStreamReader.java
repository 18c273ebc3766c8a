package io.videostream.job.video;

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
    /** What was read from the stream and not yet looked at: buffer[position..limit). */
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] image = new byte[1 << 16];
    private int size;
    private long skippedBytes;
    private long oversizedImages;

    /** @param maxBytes the largest image taken */
    JpegStreamReader(InputStream in, int maxBytes) {
        this.in = in;
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
        for (int b = nextByte(); b >= 0; b = nextByte()) {
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
        int marker = readMarker();
        while (marker != EOI) {
            if (marker == SOI || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                marker = readMarker(); // no segment follows these
                continue;
            }
            int high = readByte();
            int low = readByte();
            int length = (high << 8) | low;
            put(high);
            put(low);
            copy(length - 2);
            marker = marker == SOS ? readScan() : readMarker();
        }
        return size <= maxBytes;
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
            copyUntilMarkerByte();
            readByte(); // the FF
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

    /** Copies the next {@code n} bytes (a segment's), a buffer at a time. */
    private void copy(int n) throws IOException {
        while (n > 0) {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            int chunk = Math.min(n, limit - position);
            append(buffer, position, chunk);
            position += chunk;
            n -= chunk;
        }
    }

    /** Copies data up to the next FF byte, a buffer at a time (the bulk of an image). */
    private void copyUntilMarkerByte() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            int start = position;
            while (position < limit && buffer[position] != (byte) MARKER) {
                position++;
            }
            append(buffer, start, position - start);
            if (position < limit) {
                return;
            }
        }
    }

    /** The next byte, or -1 at the end of the stream. */
    private int nextByte() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private int readByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /** Reads more of the stream into the buffer; false at its end. */
    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    /** Appends bytes while the image fits (one byte past the limit marks it too large; then none). */
    private void append(byte[] bytes, int offset, int length) {
        int n = Math.min(length, maxBytes + 1 - size);
        if (n <= 0) {
            return;
        }
        ensureRoom(n);
        System.arraycopy(bytes, offset, image, size, n);
        size += n;
    }

    /** Appends a byte while the image fits (one byte past the limit marks it too large; then none). */
    private void put(int b) {
        if (size <= maxBytes) {
            ensureRoom(1);
            image[size++] = (byte) b;
        }
    }

    private void ensureRoom(int more) {
        if (size + more > image.length) {
            image = Arrays.copyOf(image, Math.min(Math.max(image.length * 2, size + more), maxBytes + 1));
        }
    }
}
