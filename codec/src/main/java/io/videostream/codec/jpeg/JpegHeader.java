package io.videostream.codec.jpeg;

/**
 * Reads a JPEG's frame header (SOFn marker) for its dimensions without decoding anything, so the
 * limits can be checked before a decoder allocates pixel memory.
 */
record JpegHeader(int width, int height, int components) {

    static JpegHeader read(byte[] data, int offset, int length) {
        int end = offset + length;
        if (length < 4 || (data[offset] & 0xff) != 0xff || (data[offset + 1] & 0xff) != 0xd8) {
            throw new CorruptJpegException("not a JPEG: missing start-of-image marker (" + length + " bytes)");
        }
        int pos = offset + 2;
        while (pos + 4 <= end) {
            if ((data[pos] & 0xff) != 0xff) {
                throw new CorruptJpegException("corrupt JPEG: expected a marker at byte " + (pos - offset));
            }
            int marker = data[pos + 1] & 0xff;
            if (marker == 0xff) {
                pos++; // fill byte
                continue;
            }
            int segment = ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
            if (isStartOfFrame(marker)) {
                if (pos + 10 > end) {
                    break;
                }
                int height = ((data[pos + 5] & 0xff) << 8) | (data[pos + 6] & 0xff);
                int width = ((data[pos + 7] & 0xff) << 8) | (data[pos + 8] & 0xff);
                return new JpegHeader(width, height, data[pos + 9] & 0xff);
            }
            if (marker == 0xda || marker == 0xd9 || segment < 2) {
                break; // start of scan or end of image before any frame header
            }
            pos += 2 + segment;
        }
        throw new CorruptJpegException("corrupt JPEG: no frame header in " + length + " bytes");
    }

    /** Whether the data ends with the EOI marker, as every complete JPEG written by libjpeg does. */
    static boolean endsWithEndOfImage(byte[] data, int offset, int length) {
        return length >= 2 && (data[offset + length - 2] & 0xff) == 0xff && (data[offset + length - 1] & 0xff) == 0xd9;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }
}
