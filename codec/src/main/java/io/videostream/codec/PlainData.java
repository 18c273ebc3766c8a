package io.videostream.codec;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The plain values a frame's {@code meta} may hold: what a restricted pickle carries between Python
 * and Java. Canonical forms are {@code null}, {@link Boolean}, {@link Long}, {@link Double},
 * {@link String}, {@code byte[]}, an unmodifiable {@link List} and an unmodifiable, insertion-ordered
 * {@link Map} of canonical values. Other integral and floating types, arrays of objects and
 * modifiable collections are converted to those; anything else is rejected.
 */
public final class PlainData {
    /** Deepest nesting accepted: deeper data (or a cycle) is rejected rather than overflowing the stack. */
    public static final int MAX_DEPTH = 64;

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte STRING = 5;
    private static final byte BYTES = 6;
    private static final byte LIST = 7;
    private static final byte MAP = 8;

    private PlainData() {}

    /**
     * Returns the canonical form of {@code value}: scalars as they are, lists and maps as
     * unmodifiable copies.
     *
     * @throws IllegalArgumentException naming the offending type if the value is not plain data
     */
    public static Object check(Object value) {
        return canonical(value, 0);
    }

    private static Object canonical(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("meta nested deeper than " + MAX_DEPTH + " levels (or cyclic)");
        }
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Double
                || value instanceof String || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() >= 64) {
                throw new IllegalArgumentException("integer " + describe(big) + " does not fit in 64 bits");
            }
            return big.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Object[] array) {
            return canonicalList(Arrays.asList(array), depth);
        }
        if (value instanceof List<?> list) {
            return canonicalList(list, depth);
        }
        if (value instanceof Map<?, ?> map) {
            return canonicalMap(map, depth);
        }
        throw new IllegalArgumentException(
                "meta must be plain data (null, boolean, integer, float, str, bytes, list, dict), not "
                        + value.getClass().getName());
    }

    private static List<Object> canonicalList(List<?> list, int depth) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(canonical(item, depth + 1));
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<Object, Object> canonicalMap(Map<?, ?> map, int depth) {
        Map<Object, Object> out = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put(canonical(e.getKey(), depth + 1), canonical(e.getValue(), depth + 1));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Deep equality of canonical values, comparing byte arrays by content. */
    public static boolean equal(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            var xi = x.entrySet().iterator();
            var yi = y.entrySet().iterator();
            while (xi.hasNext()) {
                var ex = xi.next();
                var ey = yi.next();
                if (!equal(ex.getKey(), ey.getKey()) || !equal(ex.getValue(), ey.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    /** A short, log-friendly rendering (byte arrays by length, long text cut). */
    public static String describe(Object value) {
        String s = value instanceof byte[] b ? "bytes[" + b.length + "]" : String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** Writes a canonical value in the frame serializer's format. */
    public static void write(Object value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(item, out);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(e.getKey(), out);
                write(e.getValue(), out);
            }
        } else {
            throw new IllegalArgumentException("not canonical plain data: " + value.getClass().getName());
        }
    }

    /** Reads a value written by {@link #write}. */
    public static Object read(DataInputView in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case STRING: {
                byte[] utf8 = new byte[in.readInt()];
                in.readFully(utf8);
                return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            }
            case BYTES: {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return bytes;
            }
            case LIST: {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return Collections.unmodifiableList(list);
            }
            case MAP: {
                int n = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    Object k = read(in);
                    map.put(k, read(in));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                throw new IOException("corrupt serialized meta: unknown tag " + tag);
        }
    }
}
