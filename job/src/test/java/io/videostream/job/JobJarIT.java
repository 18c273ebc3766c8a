package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The job jar ({@code flink run}'s, {@code bin/videostream}'s) holds this build's classes of every
 * module, not those of an earlier build: a change to the codec, the connector or the formats alone
 * reaches it.
 */
class JobJarIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void holdsTheClassesEachModuleBuilt() throws IOException {
        List<String> stale = new ArrayList<>();
        int compared = 0;
        try (JarFile jar = new JarFile(ROOT.resolve("job/target/videostream.jar").toFile())) {
            for (String module : List.of("codec", "connectors", "formats", "job")) {
                Path classes = ROOT.resolve(module).resolve("target/classes");
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = classes.relativize(file).toString().replace('\\', '/');
                        JarEntry entry = jar.getJarEntry(name);
                        byte[] inJar = entry == null ? null : jar.getInputStream(entry).readAllBytes();
                        if (inJar == null || !Arrays.equals(inJar, Files.readAllBytes(file))) {
                            stale.add(module + ": " + name);
                        }
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).as("classes compared").isGreaterThan(100);
        assertThat(stale).as("classes missing from the job jar or not as built").isEmpty();
    }
}
