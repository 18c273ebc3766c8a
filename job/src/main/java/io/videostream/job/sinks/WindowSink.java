package io.videostream.job.sinks;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.job.preview.FrameWindow;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desktop window (Swing) on the display of the TaskManager that runs it (parallelism 1), as
 * pystreaming's {@code display}: ESC or closing the window cancels the job through Flink's REST API
 * at {@code restUrl}. Where that TaskManager has no display, a log line says so and the job goes on.
 */
public class WindowSink implements Sink<Frame> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WindowSink.class);

    private final String title;
    private final String restUrl;
    private final JpegSettings decoder;

    /**
     * @param restUrl Flink's REST API, e.g. {@code http://localhost:8081}; null: ESC only closes the window
     * @param decoder the decoder's settings
     */
    public WindowSink(String title, String restUrl, JpegSettings decoder) {
        this.title = title;
        this.restUrl = restUrl;
        this.decoder = decoder;
    }

    @Override
    public SinkWriter<Frame> createWriter(WriterInitContext context) throws IOException {
        if (GraphicsEnvironment.isHeadless()) {
            LOG.warn("No display on this TaskManager (DISPLAY is not set): the window is not shown, the job goes on");
            return new Discard();
        }
        JobID job = context.getJobInfo().getJobId();
        FrameWindow window;
        try {
            window = new FrameWindow(title, () -> CancelJob.viaRest(restUrl, job));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening the window");
        }
        JpegCodec codec = decoder.create();
        return new SinkWriter<>() {
            @Override
            public void write(Frame frame, Context context) throws InterruptedException {
                if (!window.stopRequested()) {
                    window.show(frame, codec);
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {
                window.close();
                codec.close();
            }
        };
    }

    /** Where there is no window to show frames in. */
    private static final class Discard implements SinkWriter<Frame> {
        @Override
        public void write(Frame frame, Context context) {}

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }
}
