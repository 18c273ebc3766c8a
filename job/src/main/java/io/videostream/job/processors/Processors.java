package io.videostream.job.processors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The processors a worker can run, by the name {@code --processor} takes. */
public final class Processors {
    private static final Map<String, Supplier<FrameProcessor>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("identity", () -> frame -> frame);
        BY_NAME.put("gray", Gray::new);
        BY_NAME.put("blur", Blur::new);
        BY_NAME.put("edges", Edges::new);
        BY_NAME.put("people", People::new);
        BY_NAME.put("qr", Qr::new);
    }

    private Processors() {}

    /** The names, for help texts. */
    public static String names() {
        return String.join("|", BY_NAME.keySet());
    }

    /** Fails with the known names when {@code name} is not one of them. */
    public static void check(String name) {
        if (!BY_NAME.containsKey(name)) {
            throw new IllegalArgumentException("unknown processor '" + name + "' (known: " + names() + ")");
        }
    }

    /** A new processor, for one operator instance. */
    public static FrameProcessor create(String name) {
        check(name);
        return BY_NAME.get(name).get();
    }
}
