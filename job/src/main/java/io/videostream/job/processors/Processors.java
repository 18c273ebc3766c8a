package io.videostream.job.processors;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The processors a worker can run, by the name {@code --processor} takes: {@code NAME}, or
 * {@code NAME:MODEL} for one that reads a model file.
 */
public final class Processors {
    /** Each processor's factory, given the model file after the colon (or null). */
    private static final Map<String, Function<String, FrameProcessor>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("identity", model -> frame -> frame);
        BY_NAME.put("gray", model -> new Gray());
        BY_NAME.put("blur", model -> new Blur());
        BY_NAME.put("edges", model -> new Edges());
        BY_NAME.put("people", model -> new People());
        BY_NAME.put("qr", model -> new Qr());
        BY_NAME.put("faces", Faces::new);
    }

    private Processors() {}

    /** The names, for help texts. */
    public static String names() {
        return String.join("|", BY_NAME.keySet()) + "[:CASCADE.xml]";
    }

    /** Fails with a clear message when {@code spec} names no processor, or a model file that is not there. */
    public static void check(String spec) {
        String name = name(spec);
        if (!BY_NAME.containsKey(name)) {
            throw new IllegalArgumentException("unknown processor '" + name + "' (known: "
                    + String.join("|", BY_NAME.keySet()) + ")");
        }
        if (name.equals("faces")) {
            Faces.checkModel(Path.of(model(spec) == null ? Faces.DEBIAN_CASCADE : model(spec)));
        }
    }

    /** A new processor, for one operator instance. */
    public static FrameProcessor create(String spec) {
        check(spec);
        return BY_NAME.get(name(spec)).apply(model(spec));
    }

    private static String name(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    private static String model(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? null : spec.substring(colon + 1);
    }
}
