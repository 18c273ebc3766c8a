package io.videostream.job.io;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.codec.wire.WireLimits;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.source.ZmqSourcePattern;
import io.videostream.formats.ImageZmqSchema;
import io.videostream.formats.PyStreamingSchema;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.MemorySize;

/** The wire format a job's sources read (its {@code --format}): pystreaming's, or imagezmq's. */
public enum SourceFormat {
    PYSTREAMING,
    /** imagezmq: a hub (REP, imagezmq's default) that senders' REQs connect to, or SUB to a sender's PUB. */
    IMAGEZMQ;

    /**
     * Checks the source pattern against the format: REP (a hub) is imagezmq's and only its; imagezmq
     * senders have no REQ distributor nor PUSH.
     */
    public ZmqSourcePattern check(ZmqSourcePattern pattern) {
        if (this == IMAGEZMQ && pattern != ZmqSourcePattern.REP && pattern != ZmqSourcePattern.SUB) {
            throw new IllegalArgumentException("--format imagezmq takes --source-pattern rep (a hub, imagezmq's "
                    + "default) or sub (a sender with REQ_REP=False), not " + pattern.name().toLowerCase(Locale.ROOT));
        }
        if (this == PYSTREAMING && pattern == ZmqSourcePattern.REP) {
            throw new IllegalArgumentException("--source-pattern rep is imagezmq's hub: add --format imagezmq");
        }
        return pattern;
    }

    /**
     * The schema for a source of this format.
     *
     * @param streamNames pystreaming: names for the endpoints' streams (imagezmq senders name their own)
     * @param codec the JPEG settings for imagezmq's raw arrays, encoded on arrival
     */
    public ZmqDeserializationSchema<Frame> schema(Map<String, String> streamNames, boolean ignoreStopstream,
            JpegSettings codec) {
        return this == IMAGEZMQ ? new ImageZmqSchema(WireLimits.DEFAULT, codec)
                : PyStreamingSchema.forSource(streamNames, ignoreStopstream);
    }

    /** The connector's {@code zeromq.max-message-size}: the largest part the wire limits allow. */
    public MemorySize maxMessageSize() {
        return new MemorySize(WireLimits.DEFAULT.largestPart());
    }
}
