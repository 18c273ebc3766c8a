package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegException;
import io.videostream.codec.jpeg.JpegSettings;
import org.apache.flink.api.common.functions.AbstractRichFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A frame function that owns one {@link JpegCodec} per parallel instance, opened and closed with it.
 * A frame whose JPEG cannot be decoded (corrupt, truncated, absurd dimensions, too large) is counted
 * ({@code badFrames}), logged at most every 10 s with the reason, and left out; the job goes on.
 */
abstract class CodecFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CodecFunction.class);

    private final JpegSettings settings;
    protected transient JpegCodec codec;
    private transient Counter badFrames;
    private transient ThrottledWarning badFrameLog;

    CodecFunction(JpegSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        codec = settings.create();
        badFrames = getRuntimeContext().getMetricGroup().counter("badFrames");
        badFrameLog = new ThrottledWarning(LOG);
    }

    /** The frame's pixels, or null (counted and logged) when its JPEG cannot be decoded. */
    protected Pixels decodeOrSkip(Frame frame) {
        try {
            return codec.decode(frame.jpeg());
        } catch (JpegException e) {
            badFrames.inc();
            badFrameLog.warn("Skipped frame {} #{} of {} bytes: {}", frame.stream(), frame.fno(), frame.jpeg().length,
                    e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        if (codec != null) {
            codec.close();
        }
    }
}
