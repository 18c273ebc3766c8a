package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/videostream} runs a job in an embedded Flink with its own web UI: a streamer, a worker and
 * a receiver side by side, as a script starts them, all at once.
 */
class LocalRunTest {
    @BeforeEach
    void local() {
        System.setProperty("videostream.local", "true");
    }

    @AfterEach
    void notLocal() {
        System.clearProperty("videostream.local");
    }

    @Test
    void twoJobsStartedAtOnceBothRun() throws Exception {
        ExecutorService launcher = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(
                    launcher.submit(() -> VideoStream.run("demo --frames 30 --preview-port 0".split(" "))),
                    launcher.submit(() -> VideoStream.run("demo --frames 30 --preview-port 0".split(" "))));
            for (Future<Integer> run : runs) {
                assertThat(run.get(120, TimeUnit.SECONDS)).as("exit code").isZero();
            }
        } finally {
            launcher.shutdownNow();
        }
    }
}
