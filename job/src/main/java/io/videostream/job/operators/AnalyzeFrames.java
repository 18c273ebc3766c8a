package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.FrameProcessor;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegSettings;
import io.videostream.job.processors.Processors;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/**
 * A worker's result-only mode, as pystreaming's Worker sends results: decodes a frame, runs the
 * processor on it, and forwards the original JPEG with the processor's meta (no re-encoding). A frame
 * that cannot be decoded is counted and left out.
 */
public class AnalyzeFrames extends CodecFunction implements FlatMapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;

    private final String processorName;
    private transient FrameProcessor processor;

    public AnalyzeFrames(String processorName, JpegSettings codec) {
        super(codec);
        Processors.check(processorName);
        this.processorName = processorName;
    }

    @Override
    public void open(OpenContext context) {
        super.open(context);
        processor = Processors.create(processorName);
    }

    @Override
    public void flatMap(Frame frame, Collector<Frame> out) {
        Pixels pixels = decodeOrSkip(frame);
        if (pixels != null) {
            out.collect(frame.withMeta(processor.process(frame.withPixels(pixels)).meta()));
        }
    }

    @Override
    public void close() {
        if (processor != null) {
            processor.close();
        }
        super.close();
    }
}
