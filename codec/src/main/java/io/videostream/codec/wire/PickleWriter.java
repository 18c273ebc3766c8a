package io.videostream.codec.wire;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain data as pickle protocol 4, byte for byte as CPython 3's {@code pickle.dumps(value,
 * protocol=4)} (what pyzmq's {@code send_pyobj} sends): the same opcodes, the same framing (a frame
 * only from 4 bytes up, frames of about 64 KiB, payloads of 64 KiB or more outside frames) and the
 * same memo, keyed by object identity as CPython's is. Java lists become Python lists.
 *
 * <p>Values must be in {@link io.videostream.codec.PlainData}'s canonical form. Not thread-safe; use
 * {@link #write(Object)} for a one-off.
 */
public final class PickleWriter {
    private static final int FRAME_SIZE_MIN = 4;
    private static final int FRAME_SIZE_TARGET = 64 * 1024;
    private static final int FRAME_HEADER_SIZE = 9;
    private static final int BATCH_SIZE = 1000;

    private final Output out = new Output();
    private final Map<Object, Integer> memo = new IdentityHashMap<>();
    private int frameStart = -1;
    private boolean framing;

    /** The protocol-4 pickle of {@code value}. */
    public static byte[] write(Object value) {
        return new PickleWriter().dump(value);
    }

    /** Pickles one value; the writer can be used again. */
    public byte[] dump(Object value) {
        out.reset();
        memo.clear();
        frameStart = -1;
        out.write(0x80);
        out.write(4);
        framing = true;
        save(value);
        write(new byte[] {'.'});
        commitFrame();
        framing = false;
        return out.toByteArray();
    }

    private void save(Object value) {
        if (value == null) {
            write(new byte[] {'N'});
        } else if (value instanceof Boolean b) {
            write(new byte[] {(byte) (b ? 0x88 : 0x89)});
        } else if (value instanceof Long l) {
            saveLong(l);
        } else if (value instanceof Double d) {
            byte[] op = new byte[9];
            op[0] = 'G';
            putBigEndian(op, 1, Double.doubleToLongBits(d), 8);
            write(op);
        } else if (memo.containsKey(value)) {
            saveGet(memo.get(value));
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeSized(utf8, (byte) 0x8c, (byte) 'X', (byte) 0x8d);
            memoize(value);
        } else if (value instanceof byte[] bytes) {
            writeSized(bytes, (byte) 'C', (byte) 'B', (byte) 0x8e);
            memoize(value);
        } else if (value instanceof List<?> list) {
            write(new byte[] {']'});
            memoize(value);
            saveList(list);
        } else if (value instanceof Map<?, ?> map) {
            write(new byte[] {'}'});
            memoize(value);
            saveDict(map);
        } else {
            throw new IllegalArgumentException("cannot pickle " + value.getClass().getName() + " as plain data");
        }
        opcodeBoundary();
    }

    private void saveLong(long value) {
        if (value >= 0 && value <= 0xff) {
            write(new byte[] {'K', (byte) value});
        } else if (value >= 0 && value <= 0xffff) {
            write(new byte[] {'M', (byte) value, (byte) (value >>> 8)});
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            write(new byte[] {'J', (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
        } else {
            byte[] bigEndian = BigInteger.valueOf(value).toByteArray(); // minimal two's complement, as CPython's encode_long
            byte[] op = new byte[2 + bigEndian.length];
            op[0] = (byte) 0x8a;
            op[1] = (byte) bigEndian.length;
            for (int i = 0; i < bigEndian.length; i++) {
                op[2 + i] = bigEndian[bigEndian.length - 1 - i];
            }
            write(op);
        }
    }

    /** A str or bytes: short (1-byte length), 4-byte or 8-byte length; 64 KiB and more outside frames. */
    private void writeSized(byte[] data, byte shortOp, byte op4, byte op8) {
        byte[] header;
        if (data.length < 256) {
            header = new byte[] {shortOp, (byte) data.length};
        } else {
            header = new byte[5];
            header[0] = op4;
            putLittleEndian(header, 1, data.length, 4); // a Java array never needs the 8-byte form
        }
        if (data.length >= FRAME_SIZE_TARGET && framing) {
            commitFrame();
            framing = false;
            write(header);
            write(data);
            framing = true;
        } else {
            write(header);
            write(data);
        }
    }

    private void saveList(List<?> list) {
        if (list.size() == 1) {
            save(list.get(0));
            write(new byte[] {'a'});
            return;
        }
        Iterator<?> items = list.iterator();
        while (items.hasNext()) {
            write(new byte[] {'('});
            for (int n = 0; n < BATCH_SIZE && items.hasNext(); n++) {
                save(items.next());
            }
            write(new byte[] {'e'});
        }
    }

    private void saveDict(Map<?, ?> map) {
        if (map.isEmpty()) {
            return;
        }
        if (map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            save(entry.getKey());
            save(entry.getValue());
            write(new byte[] {'s'});
            return;
        }
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        int inBatch;
        do { // like CPython: a full last batch is followed by an empty one
            write(new byte[] {'('});
            inBatch = 0;
            while (inBatch < BATCH_SIZE && entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                save(entry.getKey());
                save(entry.getValue());
                inBatch++;
            }
            write(new byte[] {'u'});
        } while (inBatch == BATCH_SIZE);
    }

    private void memoize(Object value) {
        memo.put(value, memo.size());
        write(new byte[] {(byte) 0x94});
    }

    private void saveGet(int index) {
        if (index < 256) {
            write(new byte[] {'h', (byte) index});
        } else {
            byte[] op = new byte[5];
            op[0] = 'j';
            putLittleEndian(op, 1, index, 4);
            write(op);
        }
    }

    private void write(byte[] bytes) {
        if (framing && frameStart < 0) {
            frameStart = out.size();
            out.write(new byte[FRAME_HEADER_SIZE], 0, FRAME_HEADER_SIZE);
        }
        out.write(bytes, 0, bytes.length);
    }

    private void opcodeBoundary() {
        if (framing && frameStart >= 0 && out.size() - frameStart - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET) {
            commitFrame();
        }
    }

    private void commitFrame() {
        if (!framing || frameStart < 0) {
            return;
        }
        int length = out.size() - frameStart - FRAME_HEADER_SIZE;
        if (length >= FRAME_SIZE_MIN) {
            byte[] header = new byte[FRAME_HEADER_SIZE];
            header[0] = (byte) 0x95;
            putLittleEndian(header, 1, length, 8);
            out.overwrite(frameStart, header);
        } else {
            out.remove(frameStart, FRAME_HEADER_SIZE);
        }
        frameStart = -1;
    }

    private static void putLittleEndian(byte[] target, int offset, long value, int width) {
        for (int i = 0; i < width; i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private static void putBigEndian(byte[] target, int offset, long value, int width) {
        for (int i = 0; i < width; i++) {
            target[offset + i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
    }

    /** A byte buffer that can patch a reserved frame header in place or drop it. */
    private static final class Output extends ByteArrayOutputStream {
        void overwrite(int at, byte[] bytes) {
            System.arraycopy(bytes, 0, buf, at, bytes.length);
        }

        void remove(int at, int length) {
            System.arraycopy(buf, at + length, buf, at, count - at - length);
            count -= length;
        }
    }
}
