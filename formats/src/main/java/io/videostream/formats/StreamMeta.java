package io.videostream.formats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * pystreaming's message has no stream field: a worker that carries several streams names each
 * frame's stream in its meta, a dict with a {@value #KEY} key beside the processor's results, and a
 * receiver separates streams by it. A plain pystreaming Receiver still reads it as meta.
 */
public final class StreamMeta {
    /** The meta key of the stream's name. */
    public static final String KEY = "stream";
    /** The longest name taken from the network; a longer one is ignored. */
    static final int MAX_LENGTH = 128;

    private StreamMeta() {}

    /** The stream a frame's meta names, or null if it names none (or a name that is not plain text). */
    public static String streamOf(Object meta) {
        return meta instanceof Map<?, ?> dict && dict.get(KEY) instanceof String name && isValidName(name) ? name : null;
    }

    /** Whether a stream's name from the network is plain text: not blank, no control characters, short. */
    public static boolean isValidName(String name) {
        return !name.isBlank() && name.length() <= MAX_LENGTH && name.chars().noneMatch(Character::isISOControl);
    }

    /**
     * The meta with the stream's name in it: a dict gains the {@value #KEY} key (its other keys kept),
     * None becomes {@code {"stream": name}}, and any other result goes under {@code "result"} beside it.
     */
    public static Object withStream(Object meta, String stream) {
        Map<Object, Object> named = new LinkedHashMap<>();
        if (meta instanceof Map<?, ?> dict) {
            named.putAll(dict);
        } else if (meta != null) {
            named.put("result", meta);
        }
        named.put(KEY, stream);
        return named;
    }
}
