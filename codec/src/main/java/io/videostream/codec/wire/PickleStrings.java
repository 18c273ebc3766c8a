package io.videostream.codec.wire;

/**
 * Decodes the text of pickled strings exactly as CPython's unpickler does, refusing what it refuses:
 * {@code BINUNICODE}, {@code SHORT_BINUNICODE} and {@code BINUNICODE8} are UTF-8 read with
 * {@code errors='surrogatepass'} (encoded lone surrogates are accepted, anything else that is not
 * well-formed UTF-8 is refused), protocol 0's {@code UNICODE} is {@code raw-unicode-escape}.
 */
final class PickleStrings {
    private PickleStrings() {}

    /** UTF-8 with encoded surrogates allowed (Python's 'surrogatepass'); {@code what} names the pickle. */
    static String utf8(byte[] bytes, String what) throws WireFormatException {
        StringBuilder text = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xff;
            if (lead < 0x80) {
                text.append((char) lead);
                i++;
                continue;
            }
            int length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
                    : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
            if (length == 0) {
                throw notUtf8(what, "invalid start byte", bytes, i);
            }
            int codePoint = lead & (0x7f >> length);
            for (int k = 1; k < length; k++) {
                if (i + k >= bytes.length) {
                    throw notUtf8(what, "truncated sequence", bytes, i);
                }
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    throw notUtf8(what, "invalid continuation byte", bytes, i + k);
                }
                codePoint = codePoint << 6 | next & 0x3f;
            }
            int smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
            if (codePoint < smallest || codePoint > Character.MAX_CODE_POINT) {
                throw notUtf8(what, codePoint < smallest ? "overlong sequence" : "code point beyond U+10FFFF", bytes, i);
            }
            text.appendCodePoint(codePoint);
            i += length;
        }
        return text.toString();
    }

    /**
     * Python's 'raw-unicode-escape': every byte is the code point of that value, except {@code \}{@code uXXXX}
     * and {@code \}{@code UXXXXXXXX} after an odd number of backslashes, which must have all their hex digits
     * and stay within U+10FFFF.
     */
    static String rawUnicodeEscape(byte[] bytes, String what) throws WireFormatException {
        StringBuilder text = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int start = i;
            while (i < bytes.length && bytes[i] == '\\') {
                text.append('\\');
                i++;
            }
            if (i == start) {
                text.append((char) (bytes[i] & 0xff));
                i++;
                continue;
            }
            boolean escape = (i - start) % 2 == 1 && i < bytes.length && (bytes[i] == 'u' || bytes[i] == 'U');
            if (!escape) {
                continue;
            }
            int digits = bytes[i] == 'u' ? 4 : 8;
            long codePoint = 0;
            for (int k = 1; k <= digits; k++) {
                int digit = i + k < bytes.length ? hexDigit(bytes[i + k]) : -1;
                if (digit < 0) {
                    throw new WireFormatException(what + " pickle holds a str with a truncated \\" + (char) bytes[i]
                            + " escape at byte " + (i - 1));
                }
                codePoint = codePoint << 4 | digit;
            }
            if (codePoint > Character.MAX_CODE_POINT) {
                throw new WireFormatException(what + " pickle holds a str with an escape beyond U+10FFFF at byte " + (i - 1));
            }
            text.setLength(text.length() - 1); // the backslash that began the escape
            text.appendCodePoint((int) codePoint);
            i += digits + 1;
        }
        return text.toString();
    }

    private static int hexDigit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }

    private static WireFormatException notUtf8(String what, String problem, byte[] bytes, int at) {
        return new WireFormatException(what + " pickle holds a str that is not UTF-8: " + problem + " 0x"
                + Integer.toHexString(bytes[at] & 0xff) + " at byte " + at + " of " + bytes.length);
    }
}
