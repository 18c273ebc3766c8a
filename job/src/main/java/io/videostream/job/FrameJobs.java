package io.videostream.job;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Settings every video job shares. */
public final class FrameJobs {
    private FrameJobs() {}

    /**
     * Frames are large, few records (tens of kB, tens a second): a network buffer goes out with each
     * one rather than wait up to Flink's default 100 ms for more to fill it, and watermarks come every
     * 50 ms (not 200), so the re-order buffer lets frames go soon after {@code bufferlen}.
     */
    public static void configure(StreamExecutionEnvironment env) {
        env.setBufferTimeout(0);
        env.getConfig().setAutoWatermarkInterval(50);
    }
}
