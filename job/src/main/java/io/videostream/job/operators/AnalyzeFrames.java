package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.job.processors.FrameProcessor;
import io.videostream.job.processors.Processors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.configuration.Configuration;

/**
 * A worker's result-only mode, as pystreaming's Worker sends results: decodes a frame, runs the
 * processor on it, and forwards the original JPEG with the processor's meta (no re-encoding).
 */
public class AnalyzeFrames extends CodecMapFunction {
    private static final long serialVersionUID = 1L;

    private final String processorName;
    private transient FrameProcessor processor;

    public AnalyzeFrames(String processorName, Configuration codecConfig) {
        super(codecConfig);
        Processors.check(processorName);
        this.processorName = processorName;
    }

    @Override
    public void open(OpenContext context) {
        super.open(context);
        processor = Processors.create(processorName);
    }

    @Override
    public Frame map(Frame frame) {
        Frame result = processor.process(frame.withPixels(codec.decode(frame.jpeg())));
        return frame.withMeta(result.meta());
    }

    @Override
    public void close() {
        if (processor != null) {
            processor.close();
        }
        super.close();
    }
}
