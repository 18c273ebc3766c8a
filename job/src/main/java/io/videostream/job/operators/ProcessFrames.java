package io.videostream.job.operators;

import io.videostream.codec.Frame;
import io.videostream.codec.FrameProcessor;
import io.videostream.job.processors.Processors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Runs a named {@link FrameProcessor} on decoded frames, one processor per parallel instance. */
public class ProcessFrames extends RichMapFunction<Frame, Frame> {
    private static final long serialVersionUID = 1L;

    private final String processorName;
    private transient FrameProcessor processor;

    public ProcessFrames(String processorName) {
        Processors.check(processorName);
        this.processorName = processorName;
    }

    @Override
    public void open(OpenContext context) {
        processor = Processors.create(processorName);
    }

    @Override
    public Frame map(Frame frame) {
        return processor.process(frame);
    }

    @Override
    public void close() {
        if (processor != null) {
            processor.close();
        }
    }
}
