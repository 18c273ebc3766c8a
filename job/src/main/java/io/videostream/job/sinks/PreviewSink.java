package io.videostream.job.sinks;

import io.videostream.codec.Frame;
import io.videostream.job.preview.PreviewServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live preview in the browser: serves {@link PreviewServer} on an address of the TaskManager that
 * runs it (parallelism 1), loopback unless asked otherwise. Its stop button cancels the job through Flink's REST API
 * at {@code restUrl}, which ends it cleanly (CANCELED) wherever its other tasks run.
 */
public class PreviewSink implements Sink<Frame> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PreviewSink.class);

    private final InetSocketAddress address;
    private final String restUrl;

    /**
     * @param address where to serve, e.g. {@code 127.0.0.1:8090} (unresolved: resolved on the TaskManager)
     * @param restUrl Flink's REST API, e.g. {@code http://localhost:8081}; null: the button only stops the preview
     */
    public PreviewSink(InetSocketAddress address, String restUrl) {
        this.address = address;
        this.restUrl = restUrl;
    }

    @Override
    public SinkWriter<Frame> createWriter(WriterInitContext context) {
        JobID job = context.getJobInfo().getJobId();
        PreviewServer server;
        try {
            server = new PreviewServer(address, () -> CancelJob.viaRest(restUrl, job));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the preview on " + address + ": " + e.getMessage(), e);
        }
        LOG.info("Live preview: {}", server.url());
        System.out.println("Live preview: " + server.url());
        return new SinkWriter<>() {
            @Override
            public void write(Frame frame, Context context) {
                if (!server.stopRequested()) {
                    server.publish(frame);
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
