package io.videostream.codec.wire;

import io.videostream.codec.PlainData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickles plain data (None, bool, int, float, str, bytes, list, tuple, dict) with Pyrolite,
 * protocols 0-5, and nothing else: an opcode that names a global or class, calls or builds an object
 * is refused before Pyrolite sees it. Dicts keep their order. The result is in {@link PlainData}'s
 * canonical form (tuples become lists). Strings are decoded as CPython decodes them, and text it
 * refuses (invalid UTF-8, a truncated escape, a Python 2 str that is not ASCII) is refused. Bounded: a part may not exceed the size given, and no
 * declared length may exceed what the part holds.
 */
public final class PickleReader {
    private static final boolean[] ALLOWED = new boolean[256];
    /** Opcodes that look up globals, call or build objects: what makes unpickling arbitrary code. */
    private static final String UNSAFE = "cibRoPQ\u0081\u0082\u0083\u0084\u0092\u0093\u0097\u0098";
    /** Sets: plain data in Python, but not in the plain data this project exchanges. */
    private static final String SETS = "\u008f\u0090\u0091";
    /** Opcodes followed by a 1-, 4- or 8-byte little-endian length of data that follows. */
    private static final int[] LENGTH1 = {Opcodes.SHORT_BINSTRING, Opcodes.SHORT_BINUNICODE, Opcodes.SHORT_BINBYTES};
    private static final int[] LENGTH4 = {Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4};
    private static final int[] LENGTH8 = {Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8, Opcodes.FRAME};

    static {
        short[] allowed = {
            Opcodes.PROTO, Opcodes.FRAME, Opcodes.STOP, Opcodes.MARK, Opcodes.POP, Opcodes.POP_MARK, Opcodes.DUP,
            Opcodes.NONE, Opcodes.NEWTRUE, Opcodes.NEWFALSE,
            Opcodes.INT, Opcodes.BININT, Opcodes.BININT1, Opcodes.BININT2, Opcodes.LONG, Opcodes.LONG1, Opcodes.LONG4,
            Opcodes.FLOAT, Opcodes.BINFLOAT,
            Opcodes.STRING, Opcodes.BINSTRING, Opcodes.SHORT_BINSTRING, Opcodes.UNICODE, Opcodes.BINUNICODE,
            Opcodes.SHORT_BINUNICODE, Opcodes.BINUNICODE8,
            Opcodes.BINBYTES, Opcodes.SHORT_BINBYTES, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8,
            Opcodes.EMPTY_LIST, Opcodes.LIST, Opcodes.APPEND, Opcodes.APPENDS,
            Opcodes.EMPTY_TUPLE, Opcodes.TUPLE, Opcodes.TUPLE1, Opcodes.TUPLE2, Opcodes.TUPLE3,
            Opcodes.EMPTY_DICT, Opcodes.DICT, Opcodes.SETITEM, Opcodes.SETITEMS,
            Opcodes.PUT, Opcodes.BINPUT, Opcodes.LONG_BINPUT, Opcodes.GET, Opcodes.BINGET, Opcodes.LONG_BINGET,
            Opcodes.MEMOIZE,
        };
        for (short opcode : allowed) {
            ALLOWED[opcode] = true;
        }
    }

    private final int maxBytes;

    /** @param maxBytes the largest pickle accepted */
    public PickleReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads one pickle; {@code what} names it in error messages (e.g. "meta"). */
    public Object read(byte[] pickle, String what) throws WireFormatException {
        if (pickle.length > maxBytes) {
            throw new WireFormatException(what + " pickle of " + pickle.length + " bytes exceeds the limit of " + maxBytes);
        }
        if (pickle.length == 0) {
            throw new WireFormatException(what + " pickle is empty");
        }
        ByteArrayInputStream input = new ByteArrayInputStream(pickle);
        try {
            return PlainData.check(new Restricted(input, what).load(input));
        } catch (WireFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // PickleException is a RuntimeException
            throw new WireFormatException("malformed " + what + " pickle (" + pickle.length + " bytes): " + e.getMessage(), e);
        }
    }

    /**
     * Pyrolite's unpickler with an allow-list of opcodes, order-keeping dicts, and strings decoded as
     * CPython decodes them ({@link PickleStrings}; Python 2 strs must be ASCII, Python 3's default).
     */
    private static final class Restricted extends Unpickler {
        private final ByteArrayInputStream data;
        private final String what;

        Restricted(ByteArrayInputStream data, String what) {
            this.data = data;
            this.what = what;
        }

        @Override
        protected Object dispatch(short key) throws IOException {
            if (key < 0 || key > 255 || !ALLOWED[key]) {
                if (UNSAFE.indexOf(key) >= 0) {
                    throw new UnsafePickleException(what + " pickle uses opcode " + describe(key)
                            + ", which names a global or builds an object; refused");
                }
                throw new WireFormatException(what + " pickle uses " + (SETS.indexOf(key) >= 0
                        ? "opcode " + describe(key) + ": sets are not supported" : describe(key) + ", not a pickle opcode"));
            }
            checkDeclaredLength(key);
            switch (key) {
                case Opcodes.EMPTY_DICT:
                    stack.add(new LinkedHashMap<>());
                    return NO_RETURN_VALUE;
                case Opcodes.DICT: {
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putPairs(dict, stack.pop_all_since_marker());
                    stack.add(dict);
                    return NO_RETURN_VALUE;
                }
                case Opcodes.SETITEM: {
                    Object value = stack.pop();
                    Object k = stack.pop();
                    dict().put(k, value);
                    return NO_RETURN_VALUE;
                }
                case Opcodes.SETITEMS: {
                    List<Object> pairs = stack.pop_all_since_marker();
                    putPairs(dict(), pairs);
                    return NO_RETURN_VALUE;
                }
                case Opcodes.SHORT_BINUNICODE:
                    stack.add(PickleStrings.utf8(readCounted(1), what));
                    return NO_RETURN_VALUE;
                case Opcodes.BINUNICODE:
                    stack.add(PickleStrings.utf8(readCounted(4), what));
                    return NO_RETURN_VALUE;
                case Opcodes.BINUNICODE8:
                    stack.add(PickleStrings.utf8(readCounted(8), what));
                    return NO_RETURN_VALUE;
                case Opcodes.UNICODE:
                    stack.add(PickleStrings.rawUnicodeEscape(readLine(), what));
                    return NO_RETURN_VALUE;
                case Opcodes.STRING:
                case Opcodes.BINSTRING:
                case Opcodes.SHORT_BINSTRING: {
                    Object result = super.dispatch(key);
                    checkAscii((String) stack.peek());
                    return result;
                }
                default:
                    return super.dispatch(key);
            }
        }

        /** The data of a counted opcode, its length checked before (see {@link #checkDeclaredLength}). */
        private byte[] readCounted(int width) throws IOException {
            return data.readNBytes((int) littleEndian(width));
        }

        /** Protocol 0's text argument: the bytes up to the newline. */
        private byte[] readLine() throws WireFormatException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = data.read(); b != '\n'; b = data.read()) {
                if (b < 0) {
                    throw new WireFormatException(what + " pickle is truncated in a protocol 0 str");
                }
                line.write(b);
            }
            return line.toByteArray();
        }

        /** Python 3 reads Python 2 strs as ASCII and refuses any other byte. */
        private void checkAscii(String text) throws WireFormatException {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0x7f) {
                    throw new WireFormatException(what + " pickle holds a Python 2 str with the non-ASCII byte 0x"
                            + Integer.toHexString(text.charAt(i)) + ", which Python 3 refuses");
                }
            }
        }

        private long littleEndian(int width) {
            long value = 0;
            for (int i = 0; i < width; i++) {
                value |= (long) data.read() << (8 * i);
            }
            return value;
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> dict() throws WireFormatException {
            Object top = stack.peek();
            if (!(top instanceof Map)) {
                throw new WireFormatException(what + " pickle sets items on a " + (top == null ? "None" : top.getClass().getSimpleName()));
            }
            return (Map<Object, Object>) top;
        }

        private void putPairs(Map<Object, Object> dict, List<Object> pairs) throws WireFormatException {
            if (pairs.size() % 2 != 0) {
                throw new WireFormatException(what + " pickle has a dict with an odd number of keys and values");
            }
            for (int i = 0; i < pairs.size(); i += 2) {
                dict.put(pairs.get(i), pairs.get(i + 1));
            }
        }

        /** Refuses a declared length longer than the rest of the pickle, before Pyrolite allocates it. */
        private void checkDeclaredLength(short key) throws WireFormatException {
            int width = contains(LENGTH1, key) ? 1 : contains(LENGTH4, key) ? 4 : contains(LENGTH8, key) ? 8 : 0;
            if (width == 0) {
                return;
            }
            int remaining = data.available();
            if (remaining < width) {
                throw new WireFormatException(what + " pickle is truncated in opcode " + describe(key));
            }
            data.mark(width);
            long length = littleEndian(width);
            data.reset();
            if (length < 0 || length > remaining - width) {
                throw new WireFormatException(what + " pickle declares " + Long.toUnsignedString(length)
                        + " bytes in opcode " + describe(key) + " but holds only " + (remaining - width));
            }
        }

        private static boolean contains(int[] opcodes, short key) {
            for (int opcode : opcodes) {
                if (opcode == key) {
                    return true;
                }
            }
            return false;
        }

        private static String describe(short key) {
            return key >= 0x20 && key < 0x7f ? "'" + (char) key + "' (0x" + Integer.toHexString(key) + ")"
                    : "0x" + Integer.toHexString(key & 0xff);
        }
    }
}
