package io.videostream.job.video;

import io.videostream.codec.Frame;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.metrics.Counter;

/** The reader's inputs, each read by its {@link FfmpegCapture}; a fetch takes what they have queued. */
final class VideoSplitReader implements SplitReader<Frame, VideoSplit> {
    static final long POLL_MILLIS = 50;

    private final double fps;
    private final int qscale;
    private final Counter restarts;
    private final Counter dropped;
    private final Semaphore available = new Semaphore(0);
    private final Map<String, FfmpegCapture> captures = new LinkedHashMap<>();

    VideoSplitReader(double fps, int qscale, Counter restarts, Counter dropped) {
        this.fps = fps;
        this.qscale = qscale;
        this.restarts = restarts;
        this.dropped = dropped;
    }

    @Override
    public RecordsWithSplitIds<Frame> fetch() {
        try {
            available.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the fetcher is shutting down: return what there is
        }
        available.drainPermits();
        RecordsBySplits.Builder<Frame> batch = new RecordsBySplits.Builder<>();
        for (Iterator<FfmpegCapture> it = captures.values().iterator(); it.hasNext(); ) {
            FfmpegCapture capture = it.next();
            capture.checkHealthy();
            for (Frame frame = capture.poll(); frame != null; frame = capture.poll()) {
                batch.add(capture.split(), frame);
            }
            if (capture.finished()) {
                batch.addFinishedSplit(capture.split().splitId());
                capture.close();
                it.remove();
            }
        }
        return batch.build();
    }

    @Override
    public void handleSplitsChanges(SplitsChange<VideoSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("unsupported splits change: " + change);
        }
        for (VideoSplit split : change.splits()) {
            FfmpegCapture capture = new FfmpegCapture(split, fps, qscale, available, restarts, dropped);
            captures.put(split.splitId(), capture);
            capture.start();
        }
    }

    @Override
    public void wakeUp() {
        available.release();
    }

    @Override
    public void close() {
        for (FfmpegCapture capture : captures.values()) {
            capture.close();
        }
        captures.clear();
    }
}
