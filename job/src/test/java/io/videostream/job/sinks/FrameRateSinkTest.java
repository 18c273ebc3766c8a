package io.videostream.job.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.metrics.MeterView;
import org.junit.jupiter.api.Test;

/** The receiver's console: frame rates every second, latency percentiles every 10 s and at the end of a run. */
class FrameRateSinkTest {
    private long now = 1_800_000_000_000L;

    @Test
    void printsLatencyPercentilesEveryTenSecondsAndOverTheWholeRun() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var writer = new FrameRateSink.Writer("receiver[0]", new MeterView(5),
                new PrintStream(printed, true, StandardCharsets.UTF_8), () -> now);
        // 600 frames at 30 fps (20 s); frame i arrives (i % 100) + 1 ms after capture: 1..100 ms, six times
        for (int i = 0; i < 600; i++) {
            now += i % 3 == 0 ? 34 : 33;
            long latency = i % 100 + 1;
            writer.write(Frame.encoded("cam", i, (now - latency) / 1000.0, null, new byte[1]), null);
        }
        writer.flush(true);

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output.lines().filter(line -> line.contains("latency over the last 10 s"))).hasSize(2)
                .allMatch(line -> line.endsWith("p50 50 ms, p90 90 ms, p99 99 ms, max 100 ms (300 frames)"));
        assertThat(output.lines().filter(line -> line.contains("frames/s"))).hasSizeGreaterThanOrEqualTo(19);
        assertThat(output).endsWith("receiver[0] latency over the run: p50 50 ms, p90 90 ms, p99 99 ms, max 100 ms "
                + "(600 frames)\nreceiver[0] frames missing over the run: 0 (gaps in the frame numbers: lost on the way, "
                + "or left out as late)\n");
    }

    @Test
    void theEndOfARunSaysHowManyFramesEachStreamMissed() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var writer = new FrameRateSink.Writer("receiver[0]", new MeterView(5),
                new PrintStream(printed, true, StandardCharsets.UTF_8), () -> now);
        long[][] arrivals = {{0, 1, 4, 5}, {0, 1, 2, 3}, {7, 8, 10}}; // cam0 misses 2 and 3; cam2 starts at 7, misses 9
        for (int cam = 0; cam < arrivals.length; cam++) {
            for (long fno : arrivals[cam]) {
                writer.write(Frame.encoded("cam" + cam, fno, now / 1000.0, null, new byte[1]), null);
            }
        }
        writer.flush(true);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("receiver[0] frames missing over the run: 3 ");
    }

    @Test
    void aRunWithoutFramesPrintsNoLatency() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new FrameRateSink.Writer("receiver[0]", new MeterView(5), new PrintStream(printed, true, StandardCharsets.UTF_8),
                () -> now).flush(true);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
