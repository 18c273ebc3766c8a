package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;

/** A frame map function that owns one {@link JpegCodec} per parallel instance, opened and closed with it. */
abstract class CodecMapFunction extends RichMapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;

    private final Configuration codecConfig;
    protected transient JpegCodec codec;

    /** @param codecConfig {@link JpegCodecs} options (implementation, quality) */
    CodecMapFunction(Configuration codecConfig) {
        this.codecConfig = codecConfig;
    }

    @Override
    public void open(OpenContext context) {
        codec = JpegCodecs.create(codecConfig);
    }

    @Override
    public void close() {
        if (codec != null) {
            codec.close();
        }
    }
}
