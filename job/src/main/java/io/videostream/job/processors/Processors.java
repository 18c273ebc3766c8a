package io.videostream.job.processors;

import io.videostream.codec.FrameProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.SourceVersion;

/**
 * The processors a worker can run, by the name {@code --processor} takes: {@code NAME}, or
 * {@code NAME:MODEL} for one that reads a model file, or {@code class:com.example.Mine} for a user's
 * own {@link FrameProcessor}, loaded by name from the jar shipped with the job.
 */
public final class Processors {
    /** The prefix of a user's processor class. */
    private static final String USER_CLASS = "class";
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
        return String.join("|", BY_NAME.keySet()) + "[:CASCADE.xml]|" + USER_CLASS + ":NAME";
    }

    /** Fails with a clear message when {@code spec} names no processor, or a model file that is not there. */
    public static void check(String spec) {
        String name = name(spec);
        if (name.equals(USER_CLASS)) {
            String className = model(spec);
            if (className == null || !SourceVersion.isName(className)) {
                throw new IllegalArgumentException("--processor " + USER_CLASS + ":NAME takes the full name of a "
                        + "class, as com.example.MyProcessor: " + spec);
            }
            return;
        }
        if (!BY_NAME.containsKey(name)) {
            throw new IllegalArgumentException("unknown processor '" + name + "' (known: "
                    + String.join("|", BY_NAME.keySet()) + ")");
        }
        if (name.equals("faces")) {
            Faces.checkModel(Path.of(model(spec) == null ? Faces.DEBIAN_CASCADE : model(spec)));
        }
    }

    /**
     * Checks a processor before the job starts, with the jar that holds a user's class (null: the
     * job's own classes): the class must be there, be a {@link FrameProcessor} and have a public
     * constructor without arguments. Nothing of it runs: the class is not even initialized.
     */
    public static void check(String spec, Path jar) {
        check(spec);
        if (!name(spec).equals(USER_CLASS)) {
            if (jar != null) {
                throw new IllegalArgumentException("--processor-jar is the jar of a processor of one's own, named "
                        + "with --processor " + USER_CLASS + ":NAME");
            }
            return;
        }
        if (jar == null) {
            userClass(model(spec), Processors.class.getClassLoader());
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--processor-jar: no such file: " + jar);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                Processors.class.getClassLoader())) {
            userClass(model(spec), loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new processor, for one operator instance. A user's class comes from the thread's context
     * class loader: on a TaskManager, the job's, which holds the jars shipped with it.
     */
    public static FrameProcessor create(String spec) {
        check(spec);
        if (!name(spec).equals(USER_CLASS)) {
            return BY_NAME.get(name(spec)).apply(model(spec));
        }
        Class<? extends FrameProcessor> type = userClass(model(spec), Thread.currentThread().getContextClassLoader());
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("processor " + type.getName() + " failed to start: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("processor " + type.getName() + " cannot be created: " + e, e);
        }
    }

    private static Class<? extends FrameProcessor> userClass(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("processor class " + className + " not found (or not loadable: " + e
                    + "): give the jar that holds it with --processor-jar", e);
        }
        if (!FrameProcessor.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " is not a processor: it must implement "
                    + FrameProcessor.class.getName() + " (and its jar must not hold that interface too: depend on "
                    + "videostream-codec as provided)");
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(className + " must be a public class that is not abstract");
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " needs a public constructor without arguments", e);
        }
        return type.asSubclass(FrameProcessor.class);
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
