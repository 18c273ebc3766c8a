package io.videostream.job.clock;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A camera's shutter for test cards and folders of frames: ticks (frame number, capture time) at a
 * frame rate, in parallel lanes, so that the operators that render and encode a frame are chained to
 * the lane that ticks for it. Lane i of n ticks for frames i, i + n, i + 2n, ... on one schedule
 * shared by all lanes, frame f captured at start + f / fps, as a camera's sensor clock stamps its
 * frames: capture times rise with frame numbers whichever lane ticks first. The schedule starts once
 * every lane's reader is up, that is once the operators chained to it are open: no frame is captured
 * while the encoders are still starting (a single clock ahead of them had its first frames wait
 * 250-400 ms at 1280x720). A pipeline that takes frames slower than the frame rate (a bounded run
 * sends every frame; none is skipped) makes the schedule slip, a block of frames at a time (see
 * {@link FrameClockEnumerator}): frames are captured when they are taken, as by a camera that waits
 * for its reader, not ever further in the past (at --fps 1000 and 370 frames/s taken, capture times
 * fell 0.6 s further behind every second, and receivers saw a clock stepping).
 */
public final class FrameClock implements Source<Tuple2<Long, Double>, ClockLane, List<ClockLane>>,
        ResultTypeQueryable<Tuple2<Long, Double>> {
    private static final long serialVersionUID = 1L;
    /** How much of the schedule is fixed at a time, in seconds of it (see {@link #blockFrames}). */
    static final double BLOCK_SECONDS = 0.02;

    private final double fps;
    private final long frames;

    /** @param frames how many frames in all (Long.MAX_VALUE: until the job is cancelled) */
    public FrameClock(double fps, long frames) {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("a frame clock needs a positive frame rate, not " + fps);
        }
        this.fps = fps;
        this.frames = frames;
    }

    /**
     * How many frames' capture times the enumerator fixes at a time: {@value #BLOCK_SECONDS} s of the
     * schedule, at least two frames per lane (so each lane ticks in the last half of a block, where it
     * asks for the next).
     */
    static long blockFrames(double fps, int lanes) {
        return Math.max(2L * lanes, (long) Math.ceil(fps * BLOCK_SECONDS));
    }

    /** The first frame without a capture time once a schedule starts at frame {@code baseFno}: two blocks on. */
    static long firstFixedUpTo(long baseFno, long blockFrames) {
        return baseFno + 2 * blockFrames;
    }

    @Override
    public Boundedness getBoundedness() {
        return frames == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Tuple2<Long, Double>, ClockLane> createReader(SourceReaderContext context) {
        return new FrameClockReader(fps, frames, context);
    }

    @Override
    public SplitEnumerator<ClockLane, List<ClockLane>> createEnumerator(SplitEnumeratorContext<ClockLane> context) {
        int lanes = context.currentParallelism();
        List<ClockLane> all = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            all.add(ClockLane.first(lane, lanes));
        }
        return new FrameClockEnumerator(context, all, fps);
    }

    @Override
    public SplitEnumerator<ClockLane, List<ClockLane>> restoreEnumerator(SplitEnumeratorContext<ClockLane> context,
            List<ClockLane> pending) {
        return new FrameClockEnumerator(context, pending, fps);
    }

    @Override
    public SimpleVersionedSerializer<ClockLane> getSplitSerializer() {
        return ClockLane.SERIALIZER;
    }

    @Override
    public SimpleVersionedSerializer<List<ClockLane>> getEnumeratorCheckpointSerializer() {
        return ClockLane.SERIALIZER.pending();
    }

    @Override
    public TypeInformation<Tuple2<Long, Double>> getProducedType() {
        return Types.TUPLE(Types.LONG, Types.DOUBLE);
    }
}
