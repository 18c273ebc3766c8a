package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The projects under examples/, Maven projects of their own on the videostream artifacts this build
 * installed (bin/test runs {@code mvn install}), built as their users build them.
 */
public final class ExampleProjects {
    private static final Path EXAMPLES = StandaloneCluster.ROOT.resolve("examples");
    private static final String VERSION = System.getProperty("videostream.version");
    private static final Path REPOSITORY = Path.of(System.getProperty("maven.repo.local"));
    /** The projects built in this JVM (several tests use one): each is built once. */
    private static final Map<String, Path> BUILT = new HashMap<>();

    private ExampleProjects() {}

    /**
     * {@code mvn package} in examples/NAME with this build's local repository, once the installed
     * libraries are known to be this build's; returns the project's target folder. A project is built
     * once per test JVM ({@code log} is the first build's output).
     */
    public static synchronized Path build(String name, Path log) throws Exception {
        Path built = BUILT.get(name);
        if (built != null) {
            return built;
        }
        for (String module : List.of("codec", "connectors", "formats")) {
            assertInstalledFromThisBuild(module);
        }
        Path project = EXAMPLES.resolve(name);
        // -nsu: the snapshots are the ones just installed, not to be looked up elsewhere.
        ProcessBuilder mvn = new ProcessBuilder("mvn", "-B", "-ntp", "-nsu", "-q", "-Dmaven.repo.local=" + REPOSITORY,
                "-Dvideostream.version=" + VERSION, "package").directory(project.toFile());
        awaitSuccess(mvn, log, 300);
        BUILT.put(name, project.resolve("target"));
        return project.resolve("target");
    }

    /** Runs a process to its end; fails with what it printed unless it ends well within {@code seconds}. */
    public static void awaitSuccess(ProcessBuilder builder, Path output, long seconds) throws Exception {
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("%s ended: %s", builder.command(),
                    Files.readString(output)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", builder.command(), Files.readString(output)).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    /** The installed jar of a module is the one this build made: an example must not build on a stale one. */
    private static void assertInstalledFromThisBuild(String module) throws IOException {
        String jarName = ".*-" + VERSION.replace(".", "\\.") + "\\.jar";
        Path built;
        try (Stream<Path> files = Files.list(StandaloneCluster.ROOT.resolve(module).resolve("target"))) {
            built = files.filter(p -> p.getFileName().toString().matches(jarName)).findFirst()
                    .orElseThrow(() -> new AssertionError(module + " has no jar: build from the root"));
        }
        String artifact = built.getFileName().toString().replace("-" + VERSION + ".jar", "");
        Path installed = REPOSITORY.resolve(Path.of("io", "videostream", artifact, VERSION, built.getFileName().toString()));
        assertThat(Files.exists(installed) && Files.mismatch(built, installed) == -1)
                .as("%s is installed from this build (run `mvn install`, as bin/test does)", installed).isTrue();
    }
}
