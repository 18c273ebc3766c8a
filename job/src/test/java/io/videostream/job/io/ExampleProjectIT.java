package io.videostream.job.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.videostream.connector.zeromq.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/brightness, a Flink job of a user's own on pystreaming's frames, built with Maven against
 * the artifacts this build installed (as a separate project depends on them), its jar run with Flink
 * beside it: frames from a Python pystreaming Streamer, the user's operator, results to a Python
 * Receiver.
 */
class ExampleProjectIT {
    private static final Path EXAMPLE = Path.of("..", "examples", "brightness").toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("videostream.version");
    private static final Path REPOSITORY = Path.of(System.getProperty("maven.repo.local"));

    @Test
    void aUsersOwnJobBuiltAgainstTheInstalledArtifactsTakesFramesFromPythonAndSendsItsResultsBack(@TempDir Path dir)
            throws Exception {
        for (String module : List.of("codec", "connectors", "formats")) {
            assertInstalledFromThisBuild(module);
        }
        Path jar = build(dir);
        String streamer = Ports.freeAddress();
        String receiver = Ports.freeAddress();
        int frames = 30;
        try (PythonPeer collector = PythonPeer.start(dir, "collector", receiver);
                PythonPeer python = PythonPeer.start(dir, "streamer", streamer, String.valueOf(frames),
                        PythonPeer.JPEG, PythonPeer.STOP_JPEG)) {
            run(dir, jar, streamer, receiver);

            JsonNode got = collector.result(60);
            assertThat(got.get("ended").asBoolean()).as("the end of the stream reached Python").isTrue();
            assertThat(PythonPeer.longs(got.get("fnos"))).as("every frame, each once")
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, frames).boxed().toList());
            for (int i = 0; i < frames; i++) {
                // Python decodes with OpenCV, the example with TurboJPEG's fast DCT and fast upsampling:
                // close, not equal (0.8 apart on this picture).
                assertThat(got.get("metas").get(i).get("brightness").asDouble())
                        .as("the user's operator's result in frame %d's meta", got.get("fnos").get(i).asLong())
                        .isCloseTo(got.get("means").get(i).asDouble(), within(2.0));
            }
            python.result(10);
        }
    }

    /** The installed jar of a module is the one this build made: the example must not build on a stale one. */
    private static void assertInstalledFromThisBuild(String module) throws IOException {
        Path built = Files.list(Path.of("..", module, "target"))
                .filter(p -> p.getFileName().toString().matches(".*-" + VERSION.replace(".", "\\.") + "\\.jar"))
                .findFirst().orElseThrow(() -> new AssertionError(module + " has no jar: build from the root"));
        String artifact = built.getFileName().toString().replace("-" + VERSION + ".jar", "");
        Path installed = REPOSITORY.resolve(Path.of("io", "videostream", artifact, VERSION, built.getFileName().toString()));
        assertThat(Files.exists(installed) && Files.mismatch(built, installed) == -1)
                .as("%s is installed from this build (run `mvn install`, as bin/test does)", installed).isTrue();
    }

    /** {@code mvn package} in the example's folder, with this build's local repository. */
    private static Path build(Path dir) throws Exception {
        // -nsu: the snapshots are the ones just installed, not to be looked up elsewhere.
        ProcessBuilder mvn = new ProcessBuilder("mvn", "-B", "-ntp", "-nsu", "-q", "-Dmaven.repo.local=" + REPOSITORY,
                "-Dvideostream.version=" + VERSION, "package");
        awaitSuccess(mvn.directory(EXAMPLE.toFile()), dir.resolve("mvn.out"), 300);
        return EXAMPLE.resolve(Path.of("target", "brightness.jar"));
    }

    /** The example's jar with Flink's jars beside it (Flink is the cluster's, not in the jar): a local run. */
    private static void run(Path dir, Path jar, String streamer, String receiver) throws Exception {
        String flink = Files.readString(Path.of("target", "flink-classpath.txt")).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        awaitSuccess(new ProcessBuilder(java, "-cp", jar + ":" + flink, "com.example.brightness.BrightnessJob",
                streamer, receiver), dir.resolve("job.out"), 120);
    }

    private static void awaitSuccess(ProcessBuilder builder, Path output, long seconds) throws Exception {
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("%s ended: %s", builder.command(),
                    Files.readString(output)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", builder.command(), Files.readString(output)).isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}
