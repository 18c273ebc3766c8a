package io.videostream.job.clock;

import io.videostream.job.io.SplitSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One lane of a {@link FrameClock} and where it stands: it ticks for frames {@code lane}, {@code lane
 * + lanes}, ..., its next one {@code nextFno}. The enumerator sets where the schedule of all lanes
 * starts when it hands them out (-1 before that): frame {@code baseFno} at {@code startMillis}, the
 * first segment of their {@link ClockSchedule}.
 */
public record ClockLane(int lane, int lanes, long nextFno, long startMillis, long baseFno) implements SourceSplit {
    static final SplitSerializer<ClockLane> SERIALIZER = new SplitSerializer<>("clock lane", ClockLane::write,
            ClockLane::read);

    static ClockLane first(int lane, int lanes) {
        return new ClockLane(lane, lanes, lane, -1, 0);
    }

    @Override
    public String splitId() {
        return Integer.toString(lane);
    }

    /** The same lane, its schedule starting at {@code startMillis} with frame {@code baseFno}. */
    ClockLane startingAt(long newStartMillis, long newBaseFno) {
        return new ClockLane(lane, lanes, nextFno, newStartMillis, newBaseFno);
    }

    /** The same lane after it ticked for {@code nextFno}. */
    ClockLane ticked() {
        return new ClockLane(lane, lanes, nextFno + lanes, startMillis, baseFno);
    }

    private static void write(ClockLane lane, DataOutputStream out) throws IOException {
        out.writeInt(lane.lane);
        out.writeInt(lane.lanes);
        out.writeLong(lane.nextFno);
        out.writeLong(lane.startMillis);
        out.writeLong(lane.baseFno);
    }

    private static ClockLane read(DataInputStream in) throws IOException {
        return new ClockLane(in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readLong());
    }
}
