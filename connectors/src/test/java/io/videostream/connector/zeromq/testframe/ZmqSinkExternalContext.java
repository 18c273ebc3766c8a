package io.videostream.connector.zeromq.testframe;

import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.TextSchema;
import io.videostream.connector.zeromq.common.FlowControl;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.sink.ZmqSink;
import io.videostream.connector.zeromq.sink.ZmqSinkPattern;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.testframe.external.ExternalSystemDataReader;
import org.apache.flink.connector.testframe.external.sink.DataStreamSinkV2ExternalContext;
import org.apache.flink.connector.testframe.external.sink.TestingSinkSettings;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Flink's connector test framework, for the PUSH sink (BLOCK): a PULL collector binds before any job
 * runs and keeps everything it takes in from then on, so the sinks of the framework's jobs always have
 * a peer (the framework asks for a reader only after a job ended), and every reader reads all of it
 * from the start, as the framework expects of an external system. End-of-stream markers are not
 * records.
 */
final class ZmqSinkExternalContext implements DataStreamSinkV2ExternalContext<String>, TextRecordsContext {
    private final String address = Ports.freeAddress();
    private final List<String> received = new ArrayList<>();
    private final ZContext context = new ZContext(1);
    private final Thread collector;
    private volatile boolean closed;

    private final ZmqTransport transport;

    ZmqSinkExternalContext(ZmqTransport transport) {
        this.transport = transport;
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.setReceiveTimeOut(100);
        pull.bind(address);
        collector = new Thread(() -> collect(pull), "sink-collector " + address);
        collector.setDaemon(true);
        collector.start();
    }

    private void collect(ZMQ.Socket pull) {
        while (!closed) {
            byte[] message = pull.recv();
            if (message == null) {
                continue;
            }
            String record = new String(message, StandardCharsets.UTF_8);
            if (!record.equals(TextSchema.END)) {
                synchronized (received) {
                    received.add(record);
                    received.notifyAll();
                }
            }
            while (pull.hasReceiveMore()) {
                pull.recv();
            }
        }
    }

    @Override
    public Sink<String> createSink(TestingSinkSettings settings) {
        return ZmqSink.<String>builder()
                .setPattern(ZmqSinkPattern.PUSH)
                .set(ZmqOptions.TRANSPORT, transport)
                .setEndpoint(ZmqEndpoint.connect(address))
                .setSerializer(new TextSchema())
                .setFlowControl(FlowControl.BLOCK)
                .build();
    }

    @Override
    public ExternalSystemDataReader<String> createSinkDataReader(TestingSinkSettings settings) {
        return new ExternalSystemDataReader<>() {
            private int next;

            @Override
            public List<String> poll(Duration timeout) {
                synchronized (received) {
                    try {
                        if (next == received.size()) {
                            received.wait(timeout.toMillis());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    List<String> records = new ArrayList<>(received.subList(next, received.size()));
                    next = received.size();
                    return records;
                }
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public List<String> generateTestData(TestingSinkSettings settings, long seed) {
        return TextRecordsContext.records(seed, "record", 100, 200);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        collector.join();
        context.close();
    }

    @Override
    public String toString() {
        return "ZeroMQ PUSH sink on " + transport;
    }
}
