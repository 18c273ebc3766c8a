package io.videostream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.job.ReceiverJob;
import io.videostream.job.StreamerJob;
import io.videostream.job.WorkerJob;
import org.junit.jupiter.api.Test;

/** Endpoints read as pystreaming reads them: the role binds or connects, whatever the host. */
class EndpointRolesTest {
    private static final String ADDRESS = "tcp://127.0.0.1:5555";

    @Test
    void aStreamerBindsAsPystreamingsStreamerDoes() {
        assertThat(StreamerJob.Options.parse(new Args("--endpoint", ADDRESS)).endpoints())
                .containsExactly(ZmqEndpoint.bind(ADDRESS));
        assertThat(StreamerJob.Options.parse(new Args("--endpoint", "connect:" + ADDRESS)).endpoints())
                .containsExactly(ZmqEndpoint.connect(ADDRESS));
    }

    @Test
    void aWorkerConnectsBothWays() {
        WorkerJob.Options worker = WorkerJob.Options.parse(new Args("--source", ADDRESS, "--drain", "tcp://127.0.0.1:5556"));
        assertThat(worker.sources()).containsExactly(ZmqEndpoint.connect(ADDRESS));
        assertThat(worker.drain()).isEqualTo(ZmqEndpoint.connect("tcp://127.0.0.1:5556"));
        assertThat(WorkerJob.Options.parse(new Args("--source", "bind:" + ADDRESS, "--drain", "tcp://*:5556")).drain())
                .as("tcp://*:PORT always binds").isEqualTo(ZmqEndpoint.bind("tcp://*:5556"));
        assertThat(WorkerJob.Options.parse(new Args("--source", ADDRESS + ",tcp://127.0.0.1:5557", "--drain",
                "tcp://127.0.0.1:5556")).sources()).as("several cameras").containsExactly(ZmqEndpoint.connect(ADDRESS),
                ZmqEndpoint.connect("tcp://127.0.0.1:5557"));
    }

    @Test
    void aSubscribingReceiverConnectsAndAMapReduceReceiverBinds() {
        assertThat(ReceiverJob.Options.parse(new Args("--endpoint", ADDRESS)).endpoints())
                .containsExactly(ZmqEndpoint.connect(ADDRESS));
        assertThat(ReceiverJob.Options.parse(new Args("--mapreduce", "--endpoint", ADDRESS)).endpoints())
                .containsExactly(ZmqEndpoint.bind(ADDRESS));
    }
}
