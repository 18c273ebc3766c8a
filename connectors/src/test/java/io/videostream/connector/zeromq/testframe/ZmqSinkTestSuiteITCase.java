package io.videostream.connector.zeromq.testframe;

import io.videostream.connector.zeromq.common.ZmqTransport;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SinkTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;

/** Flink's connector test framework on the ZeroMQ sink (PUSH, BLOCK), at least once, on either transport. */
class ZmqSinkTestSuiteITCase extends SinkTestSuiteBase<String> {
    @TestEnv
    MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestSemantics
    CheckpointingMode[] semantics = new CheckpointingMode[] {CheckpointingMode.AT_LEAST_ONCE};

    @TestContext
    ExternalContextFactory<ZmqSinkExternalContext> jeromq = testName -> new ZmqSinkExternalContext(ZmqTransport.JEROMQ);

    @TestContext
    ExternalContextFactory<ZmqSinkExternalContext> libzmq = testName -> new ZmqSinkExternalContext(ZmqTransport.LIBZMQ);
}
