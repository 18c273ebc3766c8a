package io.videostream.job.video;

import io.videostream.codec.Frame;
import io.videostream.connector.zeromq.internal.reader.FailFastSourceReaderBase;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.fetcher.SingleThreadFetcherManager;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.metrics.Counter;

/**
 * Reads its inputs with FFmpeg, one thread and process each. Metrics besides Flink's source ones:
 * {@code inputRestarts} (a live input reopened after it dropped or could not be opened) and
 * {@code droppedFrames} (a live input's oldest frames dropped while the job fell behind).
 */
final class VideoSourceReader extends FailFastSourceReaderBase<Frame, Frame, VideoSplit, VideoSourceReader.Position> {
    /** Where an input's stream stands: its next frame number, for checkpoints. */
    static final class Position {
        final VideoSplit split;
        long nextFno;

        Position(VideoSplit split) {
            this.split = split;
            this.nextFno = split.nextFno();
        }
    }

    VideoSourceReader(double fps, int qscale, SourceReaderContext context) {
        super(new SingleThreadFetcherManager<>(splitReader(fps, qscale, context)), new Emitter(), new Configuration(), context);
    }

    private static Supplier<SplitReader<Frame, VideoSplit>> splitReader(double fps, int qscale, SourceReaderContext context) {
        Counter restarts = context.metricGroup().counter("inputRestarts");
        Counter dropped = context.metricGroup().counter("droppedFrames");
        return () -> new VideoSplitReader(fps, qscale, restarts, dropped);
    }

    @Override
    protected void onSplitFinished(Map<String, Position> finishedSplitIds) {}

    @Override
    protected Position initializedState(VideoSplit split) {
        return new Position(split);
    }

    @Override
    protected VideoSplit toSplitType(String splitId, Position position) {
        return position.split.at(position.nextFno);
    }

    /** Emits each frame at its capture time and moves its input's position past it. */
    private static final class Emitter implements RecordEmitter<Frame, Frame, Position> {
        @Override
        public void emitRecord(Frame frame, SourceOutput<Frame> output, Position position) {
            output.collect(frame, frame.eventTimeMillis());
            position.nextFno = frame.fno() + 1;
        }
    }
}
