package io.videostream.formats;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.codec.wire.WireLimits;
import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.MemorySize;

/**
 * The ZeroMQ connector's schema for pystreaming's messages: frames in and out, STOPSTREAM as the end
 * of stream, FRAMEMISS and TRACKMISS as the distributor's replies, {@code ftime} as event time. A
 * frame's stream is the one its meta names ({@link StreamMeta}: a worker carrying several streams), or
 * else the name given for the endpoint it came from, or else that endpoint. A source may ignore
 * STOPSTREAM: anyone who reaches its endpoint could otherwise end a long-lived service.
 */
public final class PyStreamingSchema implements FrameSchema, ZmqSerializationSchema<Frame> {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final Map<String, String> endpointNames;
    private final WireLimits limits;
    private final boolean stopstreamEnds;
    private transient PyStreamingWire wire;

    /**
     * @param stream the stream name for received frames; null names them after their endpoint
     * @param stopstreamEnds whether a peer's STOPSTREAM ends the stream; if not, it is taken as "no frame
     *     now" (a distributor is asked again after a pause)
     */
    public PyStreamingSchema(String stream, WireLimits limits, boolean stopstreamEnds) {
        this(stream, Map.of(), limits, stopstreamEnds);
    }

    private PyStreamingSchema(String stream, Map<String, String> endpointNames, WireLimits limits,
            boolean stopstreamEnds) {
        this.stream = stream;
        this.endpointNames = Map.copyOf(endpointNames);
        this.limits = limits;
        this.stopstreamEnds = stopstreamEnds;
    }

    /** Frames named after the endpoint they come from, with the default limits; STOPSTREAM ends the stream. */
    public PyStreamingSchema() {
        this(null, WireLimits.DEFAULT, true);
    }

    /**
     * The connector's {@code zeromq.max-message-size} for these limits: the largest part they allow, so
     * a peer announcing a larger one is dropped by ZeroMQ before anything is allocated for it.
     */
    public MemorySize maxMessageSize() {
        return new MemorySize(limits.largestPart());
    }

    /** A source's schema: frames named after their endpoint; STOPSTREAM ends the stream unless ignored. */
    public static PyStreamingSchema forSource(boolean ignoreStopstream) {
        return forSource(Map.of(), ignoreStopstream);
    }

    /**
     * A source's schema whose frames are named as given for the endpoint they come from (address to
     * name), or else after the endpoint; STOPSTREAM ends the stream unless ignored.
     */
    public static PyStreamingSchema forSource(Map<String, String> endpointNames, boolean ignoreStopstream) {
        return new PyStreamingSchema(null, endpointNames, WireLimits.DEFAULT, !ignoreStopstream);
    }

    private PyStreamingWire wire() {
        if (wire == null) {
            wire = new PyStreamingWire(limits);
        }
        return wire;
    }

    @Override
    public Frame deserialize(List<byte[]> parts, ZmqEndpoint origin) throws IOException {
        Frame frame = wire().decode(stream != null ? stream : endpointNames.getOrDefault(origin.address(),
                origin.address()), parts);
        String named = StreamMeta.streamOf(frame.meta());
        return named == null ? frame : frame.withStream(named);
    }

    @Override
    public MessageKind kind(Frame frame) {
        if (frame.fno() == PyStreamingWire.STOPSTREAM) {
            return stopstreamEnds ? MessageKind.END_OF_STREAM : MessageKind.NOT_AVAILABLE;
        }
        if (frame.fno() == PyStreamingWire.FRAMEMISS) {
            return MessageKind.NOT_AVAILABLE;
        }
        if (frame.fno() == PyStreamingWire.TRACKMISS) {
            return MessageKind.UNKNOWN_TRACK;
        }
        return MessageKind.DATA;
    }

    @Override
    public List<byte[]> serialize(Frame frame) {
        return wire().encode(frame);
    }

    /** pystreaming's end of stream: a 10x10 black JPEG, meta None, the current time, fno -1. */
    @Override
    public List<byte[]> endOfStream() {
        return wire().encode(Frame.encoded(stream != null ? stream : Frame.DEFAULT_STREAM, PyStreamingWire.STOPSTREAM,
                System.currentTimeMillis() / 1000.0, null, BlackJpeg.BYTES));
    }

    @Override
    public List<byte[]> notAvailable(String track) {
        return PyStreamingWire.frameMiss();
    }

    @Override
    public List<byte[]> unknownTrack(String track) {
        return PyStreamingWire.trackMiss();
    }

    /** The 10x10 black picture pystreaming sends with STOPSTREAM, encoded once. */
    private static final class BlackJpeg {
        static final byte[] BYTES;

        static {
            try (JpegCodec codec = JpegCodecs.create()) {
                BYTES = codec.encode(new Pixels(10, 10, 3, ByteBuffer.allocateDirect(300)));
            }
        }
    }
}
