package io.videostream.connector.zeromq.testframe;

import io.videostream.connector.zeromq.common.ZmqTransport;
import org.apache.flink.connector.testframe.environment.ClusterControllable;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.environment.TestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SourceTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Disabled;

/**
 * Flink's connector test framework on the ZeroMQ source, on either transport. The framework skips the cases it only runs
 * bounded (single split, multiple splits, idle reader: the context refuses BOUNDED, the source is
 * unbounded). The cases that stop or fail the job and expect every record afterwards are disabled:
 * a live socket cannot be replayed, and messages ZeroMQ had already taken into a socket that closes
 * are gone. What remains runs: the source's metrics.
 */
class ZmqSourceTestSuiteITCase extends SourceTestSuiteBase<String> {
    @TestEnv
    MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestSemantics
    CheckpointingMode[] semantics = new CheckpointingMode[] {CheckpointingMode.AT_LEAST_ONCE};

    @TestContext
    ExternalContextFactory<ZmqSourceExternalContext> jeromq = testName -> new ZmqSourceExternalContext(ZmqTransport.JEROMQ);

    @TestContext
    ExternalContextFactory<ZmqSourceExternalContext> libzmq = testName -> new ZmqSourceExternalContext(ZmqTransport.LIBZMQ);

    private static final String NOT_REPLAYABLE = "A live socket cannot be replayed: messages ZeroMQ had taken "
            + "into the source's socket when the job stopped are gone, so the records the case expects after "
            + "the restart are not all there.";

    @Disabled(NOT_REPLAYABLE)
    @Override
    public void testSavepoint(TestEnvironment testEnv, DataStreamSourceExternalContext<String> externalContext,
            CheckpointingMode semantic) {}

    @Disabled(NOT_REPLAYABLE)
    @Override
    public void testScaleUp(TestEnvironment testEnv, DataStreamSourceExternalContext<String> externalContext,
            CheckpointingMode semantic) {}

    @Disabled(NOT_REPLAYABLE)
    @Override
    public void testScaleDown(TestEnvironment testEnv, DataStreamSourceExternalContext<String> externalContext,
            CheckpointingMode semantic) {}

    @Disabled(NOT_REPLAYABLE + " (The case also builds the source before its split writers, while a ZeroMQ "
            + "source needs its endpoints up front.)")
    @Override
    public void testTaskManagerFailure(TestEnvironment testEnv, DataStreamSourceExternalContext<String> externalContext,
            ClusterControllable controller, CheckpointingMode semantic) {}
}
