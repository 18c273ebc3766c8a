package io.videostream.connector.zeromq.testframe;

import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TextSchema;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.source.ZmqSource;
import io.videostream.connector.zeromq.source.ZmqSourceBuilder;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.testframe.external.ExternalSystemSplitDataWriter;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.external.source.TestingSourceSettings;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Flink's connector test framework, for the PULL source: each split is a PUSH peer that binds an
 * endpoint of its own and keeps sending what it was given until the source takes it, so data can be
 * written before the job starts, as the framework does. Only unbounded runs: the source does not
 * know in advance where a live stream ends.
 */
final class ZmqSourceExternalContext implements DataStreamSourceExternalContext<String>, TextRecordsContext {
    private final List<Writer> writers = new ArrayList<>();
    private final ZmqTransport transport;

    ZmqSourceExternalContext(ZmqTransport transport) {
        this.transport = transport;
    }

    @Override
    public Source<String, ?, ?> createSource(TestingSourceSettings settings) {
        if (settings.getBoundedness() == Boundedness.BOUNDED) {
            throw new UnsupportedOperationException("a ZeroMQ source is unbounded: a live stream has no known end");
        }
        ZmqSourceBuilder<String> builder = ZmqSource.<String>builder()
                .setPattern(ZmqSourcePattern.PULL)
                .setDeserializer(new TextSchema())
                .set(ZmqOptions.TRANSPORT, transport);
        writers.forEach(writer -> builder.addEndpoint(ZmqEndpoint.connect(writer.address)));
        return builder.build();
    }

    @Override
    public ExternalSystemSplitDataWriter<String> createSourceSplitDataWriter(TestingSourceSettings settings) {
        Writer writer = new Writer(Ports.freeAddress());
        writers.add(writer);
        return writer;
    }

    @Override
    public List<String> generateTestData(TestingSourceSettings settings, int splitIndex, long seed) {
        return TextRecordsContext.records(seed, "split-" + splitIndex, 50, 100);
    }

    @Override
    public void close() throws Exception {
        for (Writer writer : writers) {
            writer.close();
        }
        writers.clear();
    }

    /** A PUSH peer with its own thread: records queue here until the source connects and takes them. */
    private static final class Writer implements ExternalSystemSplitDataWriter<String> {
        final String address;
        private final LinkedBlockingQueue<String> pending = new LinkedBlockingQueue<>();
        private final ZContext context = new ZContext(1);
        private final Thread sender;
        private volatile boolean closed;

        Writer(String address) {
            this.address = address;
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.setSendTimeOut(100);
            push.bind(address);
            this.sender = new Thread(() -> send(push), "split-writer " + address);
            sender.setDaemon(true);
            sender.start();
        }

        private void send(ZMQ.Socket push) {
            try {
                while (!closed) {
                    String record = pending.poll(100, TimeUnit.MILLISECONDS);
                    while (record != null && !closed && !push.send(record)) {
                        // no reader connected yet: keep trying until the source connects or the test ends
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void writeRecords(List<String> records) {
            pending.addAll(records);
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            sender.join();
            context.close();
        }
    }

    @Override
    public String toString() {
        return "ZeroMQ PULL source on " + transport;
    }
}
