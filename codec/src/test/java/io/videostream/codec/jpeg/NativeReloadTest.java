package io.videostream.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.opencv.OpenCvNative;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A restarted or resubmitted Flink job loads the job jar's classes again in a new class loader while
 * the old one may still be alive. The native libraries must keep working there, and must not leave
 * a copy of themselves behind per load.
 */
class NativeReloadTest {

    @Test
    void openCvWorksInSeveralClassLoadersAndIsExtractedOnce() throws Exception {
        assertReloads("OPENCV");
        try (Stream<Path> files = Files.walk(OpenCvNative.extractionFolder())) {
            List<Path> left = files.filter(Files::isRegularFile).toList();
            assertThat(left).as("one extracted library, no links or partial copies left")
                    .hasSize(1)
                    .allMatch(p -> p.getFileName().toString().equals(System.mapLibraryName("opencv_java490")));
        }
        try (Stream<Path> tmp = Files.list(Paths.get(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("opencv_openpnp"));
        }
    }

    @Test
    void turboJpegWorksInSeveralClassLoaders() throws Exception {
        assertReloads("TURBOJPEG");
    }

    @Test
    void autoFallsBackToOpenCvWhenTurboJpegIsMissing() throws Exception {
        System.setProperty("videostream.turbojpeg.library", "libturbojpeg-missing.so.0");
        try (URLClassLoader job = isolatedLoader()) {
            assertThat(probe(job, "AUTO")).isEqualTo("OPENCV 160x120");
        } finally {
            System.clearProperty("videostream.turbojpeg.library");
        }
        try (URLClassLoader job = isolatedLoader()) {
            assertThat(probe(job, "AUTO")).isEqualTo("TURBOJPEG 160x120");
        }
    }

    private static void assertReloads(String implementation) throws Exception {
        String expected = implementation + " 160x120";
        URLClassLoader first = isolatedLoader();
        assertThat(probe(first, implementation)).isEqualTo(expected);
        try (URLClassLoader second = isolatedLoader()) {
            assertThat(probe(second, implementation)).as("while the first job's loader is alive").isEqualTo(expected);
        }
        first.close();
        for (int i = 0; i < 3; i++) {
            try (URLClassLoader next = isolatedLoader()) {
                assertThat(probe(next, implementation)).as("resubmission " + i).isEqualTo(expected);
            }
        }
        assertThat(NativeReloadProbe.roundTrip(implementation)).as("and in the test's own loader").isEqualTo(expected);
    }

    private static String probe(ClassLoader loader, String implementation) throws Exception {
        Class<?> probe = Class.forName(NativeReloadProbe.class.getName(), true, loader);
        assertThat(probe.getClassLoader()).isSameAs(loader);
        return (String) probe.getMethod("roundTrip", String.class).invoke(null, implementation);
    }

    /** Loads the codec, JNA, OpenCV and the tests from scratch, as Flink's child-first job loader does. */
    private static URLClassLoader isolatedLoader() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            urls.add(Paths.get(entry).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
