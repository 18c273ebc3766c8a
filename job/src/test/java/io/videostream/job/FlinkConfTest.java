package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.junit.jupiter.api.Test;

/** flink-conf/config.yaml as Flink itself reads it. */
class FlinkConfTest {
    private static final Path FLINK_CONF = Paths.get("..", "flink-conf");

    @Test
    void taskManagersPreTouchTheirHeapAndHaveOffHeapForFrames() {
        Configuration conf = GlobalConfiguration.loadConfiguration(FLINK_CONF.toString());
        assertThat(conf.get(CoreOptions.FLINK_TM_JVM_OPTIONS)).contains("-XX:+AlwaysPreTouch");
        assertThat(conf.get(TaskManagerOptions.TASK_OFF_HEAP_MEMORY)).isGreaterThanOrEqualTo(MemorySize.parse("128m"));
    }

    @Test
    void theRestApiTakesNoJarsAndAnswersOnlyTheWebUisOrigin() {
        Configuration conf = GlobalConfiguration.loadConfiguration(FLINK_CONF.toString());
        assertThat(conf.get(WebOptions.SUBMIT_ENABLE)).isFalse();
        assertThat(conf.get(WebOptions.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("http://localhost:8081");
    }

    @Test
    void aLostTaskManagerIsNoticedWithinSecondsAndTheJobRestartsSoonWithoutGivingUp() {
        Configuration conf = GlobalConfiguration.loadConfiguration(FLINK_CONF.toString());
        assertThat(conf.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(conf.get(HeartbeatManagerOptions.HEARTBEAT_RPC_FAILURE_THRESHOLD)).isEqualTo(1);
        assertThat(conf.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS))
                .as("restarts before giving up").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void fitsTwoCoresAndStaysOnLocalhost() {
        Configuration conf = GlobalConfiguration.loadConfiguration(FLINK_CONF.toString());
        assertThat(conf.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY)).isEqualTo(MemorySize.parse("1536m"));
        assertThat(conf.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(2);
        assertThat(conf.get(RestOptions.BIND_ADDRESS)).isEqualTo("localhost");
    }
}
