package io.videostream.job.operators;

import io.videostream.codec.Frame;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;

/**
 * {@link ReorderFrames} as an operator that also lets go, in capture order, what it still holds when
 * its input ends. Flink should fire the event-time timers first, with the final watermark; but a
 * source that was idle (no frame for a while, then a burst and the end of stream) never delivers that
 * watermark (FLINK-40499, open), and processing-time timers do not fire at the end: the held frames
 * were lost (measured: 40 of 40, a worker's burst just before its STOPSTREAM).
 */
public final class ReorderOperator extends KeyedProcessOperator<String, Frame, Frame> implements BoundedOneInput {
    private static final long serialVersionUID = 1L;

    /** @param bufferMillis pystreaming's {@code bufferlen}, in milliseconds */
    public ReorderOperator(long bufferMillis) {
        super(new ReorderFrames(bufferMillis));
    }

    @Override
    public void endInput() throws Exception {
        List<String> streams;
        try (Stream<String> holding = this.<String>getKeyedStateBackend().getKeys(ReorderFrames.HELD, VoidNamespace.INSTANCE)) {
            streams = holding.toList();
        }
        TimestampedCollector<Frame> out = new TimestampedCollector<>(output);
        for (String stream : streams) {
            setCurrentKey(stream);
            ((ReorderFrames) userFunction).releaseAll(out);
        }
    }
}
