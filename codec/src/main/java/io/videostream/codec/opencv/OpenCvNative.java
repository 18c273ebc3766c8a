package io.videostream.codec.opencv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.zip.CRC32;
import org.opencv.core.Core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads OpenCV's JNI library (from the org.openpnp jar) once per class loader, in a way that survives
 * Flink job restarts and resubmissions.
 *
 * <p>The JVM refuses to load one library file into two class loaders ("already loaded in another
 * classloader"), which is what happens when a restarted job's new class loader meets the old one's
 * library. org.openpnp's own loader avoids that by extracting a fresh 63 MB copy per load and never
 * deleting it. Here the library is extracted once per content (named by its CRC) and each class
 * loader loads it through its own hard link, which the dynamic linker maps to the same already-loaded
 * object; the link is removed right after loading. Where hard links are impossible a temporary copy
 * is loaded and removed the same way.
 */
public final class OpenCvNative {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCvNative.class);
    private static final String LIBRARY_NAME = System.mapLibraryName(Core.NATIVE_LIBRARY_NAME);
    /** Folder below {@code java.io.tmpdir} that holds the extracted library. */
    public static final String FOLDER = "videostream-native";

    private static boolean loaded;

    private OpenCvNative() {}

    /** Loads the library unless this class loader already has; safe to call from any thread. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String resource = resourcePath();
        URL url = OpenCvNative.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new UnsatisfiedLinkError("OpenCV native library " + resource + " is not on the class path");
        }
        try {
            Path library = extractOnce(url);
            Path link = library.resolveSibling(UUID.randomUUID() + "-" + LIBRARY_NAME);
            linkOrCopy(library, link);
            try {
                System.load(link.toString());
            } finally {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract OpenCV's native library " + resource, e);
        }
        loaded = true;
        LOG.info("Loaded OpenCV {} native library", Core.VERSION);
    }

    /** The folder where extracted libraries are kept. */
    public static Path extractionFolder() {
        return Paths.get(System.getProperty("java.io.tmpdir"), FOLDER);
    }

    private static String resourcePath() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "nu/pattern/opencv/linux/x86_64/" + LIBRARY_NAME;
        }
        if (os.contains("linux") && arch.equals("aarch64")) {
            return "nu/pattern/opencv/linux/ARMv8/" + LIBRARY_NAME;
        }
        throw new UnsatisfiedLinkError("no bundled OpenCV native library for " + os + "/" + arch);
    }

    private static Path extractOnce(URL url) throws IOException {
        long crc = entryCrc(url);
        Path folder = extractionFolder().resolve(Long.toHexString(crc));
        Path library = folder.resolve(LIBRARY_NAME);
        if (Files.isRegularFile(library)) {
            return library;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "extract-", ".part");
        try (InputStream in = url.openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // another process extracted the same library first: use theirs
        } finally {
            Files.deleteIfExists(partial);
        }
        return library;
    }

    /** The CRC-32 of the library's bytes: from the jar's directory when possible, else computed. */
    private static long entryCrc(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            long crc = jar.getJarEntry().getCrc();
            if (crc != -1) {
                return crc;
            }
        }
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = url.openStream()) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                crc.update(chunk, 0, n);
            }
        }
        return crc.getValue();
    }

    private static void linkOrCopy(Path library, Path link) throws IOException {
        try {
            Files.createLink(link, library);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(library, link);
        }
    }
}
