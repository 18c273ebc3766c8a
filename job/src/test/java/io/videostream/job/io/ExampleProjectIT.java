package io.videostream.job.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.videostream.connector.zeromq.Ports;
import io.videostream.job.ExampleProjects;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void aUsersOwnJobBuiltAgainstTheInstalledArtifactsTakesFramesFromPythonAndSendsItsResultsBack(@TempDir Path dir)
            throws Exception {
        Path jar = ExampleProjects.build("brightness", dir.resolve("mvn.out")).resolve("brightness.jar");
        String streamer = Ports.freeAddress();
        String receiver = Ports.freeAddress();
        int frames = 30;
        try (PythonPeer collector = PythonPeer.start(dir, "collector", receiver);
                PythonPeer python = PythonPeer.start(dir, "streamer", streamer, String.valueOf(frames),
                        PythonPeer.JPEG, PythonPeer.STOP_JPEG)) {
            // The example's jar with Flink's jars beside it (Flink is the cluster's, not in the jar).
            String flink = Files.readString(Path.of("target", "flink-classpath.txt")).trim();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ExampleProjects.awaitSuccess(new ProcessBuilder(java, "-cp", jar + ":" + flink,
                    "com.example.brightness.BrightnessJob", streamer, receiver), dir.resolve("job.out"), 120);

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
}
