package io.videostream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pystreaming's buffer with event time: frames of each stream leave in capture order, the next one at once. */
class ReorderFramesTest {
    private static final long BUFFER_MILLIS = 500;

    private KeyedOneInputStreamOperatorTestHarness<String, Frame, Frame> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new ReorderOperator(BUFFER_MILLIS), Frame::stream, Types.STRING);
        harness.setProcessingTime(0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A frame of a stream captured at {@code seconds}; the source gave it that event time. */
    private void arrive(String stream, long fno, double seconds) throws Exception {
        Frame frame = Frame.encoded(stream, fno, seconds, null, new byte[] {(byte) fno});
        harness.processElement(new StreamRecord<>(frame, frame.eventTimeMillis()));
    }

    private List<String> left() {
        List<String> left = harness.extractOutputValues().stream().map(f -> f.stream() + f.fno()).toList();
        harness.getOutput().clear();
        return left;
    }

    private List<Long> late() {
        return harness.getSideOutput(ReorderFrames.LATE).stream().map(r -> r.getValue().fno()).toList();
    }

    @Test
    void framesOutOfOrderWithinTheBufferLeaveInCaptureOrderAsTheWatermarkPasses() throws Exception {
        // A receiver that joined a running stream: its first frame could have been any.
        arrive("cam", 12, 1.2);
        arrive("cam", 10, 1.0);
        arrive("cam", 14, 1.4);
        arrive("cam", 11, 1.1);
        assertThat(left()).as("nothing before the watermark: the first frame could have been any").isEmpty();

        harness.processWatermark(1150);
        assertThat(left()).as("up to the watermark, and cam12, which follows them").containsExactly("cam10", "cam11",
                "cam12");
        harness.processWatermark(1300);
        assertThat(left()).as("cam14 waits for cam13 (a gap)").isEmpty();
        harness.processWatermark(1400);
        assertThat(left()).containsExactly("cam14");
    }

    @Test
    void inOrderFramesLeaveAtOnceOnlyAFirstFrameOtherThanZeroWaits() throws Exception {
        harness.setProcessingTime(10_000);
        arrive("cam", 5, 1.0);
        assertThat(left()).as("joined mid-stream: nothing says what comes before frame 5").isEmpty();
        harness.setProcessingTime(10_000 + BUFFER_MILLIS);
        assertThat(left()).containsExactly("cam5");
        for (long fno = 6; fno < 30; fno++) {
            arrive("cam", fno, 1.0 + fno / 30.0);
            assertThat(left()).as("frame %d, next in order, at once (no watermark, no time passed)", fno)
                    .containsExactly("cam" + fno);
        }
    }

    @Test
    void aStreamsFrameZeroLeavesAtOnceNothingComesBeforeIt() throws Exception {
        arrive("cam", 1, 1.1);
        assertThat(left()).as("frame 1 first: frame 0 may still come").isEmpty();
        arrive("cam", 0, 1.0);
        assertThat(left()).as("frame 0 at once, and frame 1 after it").containsExactly("cam0", "cam1");
        arrive("door", 0, 5.0);
        arrive("door", 1, 5.1);
        assertThat(left()).containsExactly("door0", "door1");
    }

    @Test
    void swappedFramesWaitOnlyForEachOther() throws Exception {
        arrive("cam", 0, 1.0);
        harness.processWatermark(1000);
        assertThat(left()).containsExactly("cam0");
        arrive("cam", 2, 1.2);
        assertThat(left()).as("cam2 waits for cam1").isEmpty();
        arrive("cam", 1, 1.1);
        assertThat(left()).as("cam1 fills the gap: both leave at once").containsExactly("cam1", "cam2");
        arrive("cam", 3, 1.3);
        assertThat(left()).containsExactly("cam3");
    }

    @Test
    void aLostFrameDelaysTheFramesAfterItByBufferlenAtMostAndADuplicateIsLate() throws Exception {
        harness.setProcessingTime(10_000);
        arrive("cam", 0, 1.0);
        harness.processWatermark(1000);
        assertThat(left()).containsExactly("cam0");
        arrive("cam", 2, 1.2); // cam1 is lost
        arrive("cam", 3, 1.3);
        harness.setProcessingTime(10_000 + BUFFER_MILLIS - 1);
        assertThat(left()).isEmpty();
        harness.setProcessingTime(10_000 + BUFFER_MILLIS);
        assertThat(left()).as("bufferlen after the gap appeared").containsExactly("cam2", "cam3");
        arrive("cam", 4, 1.4);
        assertThat(left()).as("in order again: at once").containsExactly("cam4");
        arrive("cam", 4, 1.4);
        assertThat(left()).isEmpty();
        assertThat(late()).as("the same frame twice").containsExactly(4L);
    }

    @Test
    void aFrameOlderThanWhatLeftIsLateCountedApartAndTheRestGoOn() throws Exception {
        arrive("cam", 0, 1.0);
        arrive("cam", 1, 1.1);
        harness.processWatermark(1100);
        arrive("cam", 7, 1.05); // behind the watermark
        arrive("cam", 2, 1.2);
        harness.processWatermark(1200);

        assertThat(left()).containsExactly("cam0", "cam1", "cam2");
        assertThat(late()).containsExactly(7L);
    }

    @Test
    void noFrameWaitsLongerThanBufferlenAfterItArrivedSoAQuietStreamStillFlushes() throws Exception {
        harness.setProcessingTime(10_000);
        arrive("cam", 1, 1.1);
        harness.setProcessingTime(10_100);
        arrive("cam", 0, 1.0);
        harness.setProcessingTime(10_200);
        arrive("cam", 2, 1.2);

        harness.setProcessingTime(10_000 + BUFFER_MILLIS); // no watermark came; cam1 waited bufferlen
        assertThat(left()).as("cam1, what was captured before it, and cam2, which follows it")
                .containsExactly("cam0", "cam1", "cam2");

        arrive("cam", 5, 1.05); // captured before what already left
        assertThat(late()).containsExactly(5L);
    }

    @Test
    void severalStreamsAreOrderedEachOnTheirOwn() throws Exception {
        arrive("a", 1, 1.1);
        arrive("b", 0, 1.05);
        arrive("a", 0, 1.0);
        arrive("b", 1, 1.15);
        harness.processWatermark(2000);

        List<String> left = left();
        assertThat(left.stream().filter(s -> s.startsWith("a"))).containsExactly("a0", "a1");
        assertThat(left.stream().filter(s -> s.startsWith("b"))).containsExactly("b0", "b1");
    }

    /** At 1000 fps and more, frames share a millisecond: only a frame behind the last that left, by (time, fno), is late. */
    @Test
    void framesSharingAMillisecondAreOrderedByFrameNumberAndOnlyTrulyOlderOnesAreLate() throws Exception {
        harness.setProcessingTime(10_000);
        arrive("cam", 1, 1.0004);
        arrive("cam", 0, 1.0001);
        harness.setProcessingTime(10_000 + BUFFER_MILLIS);
        assertThat(left()).containsExactly("cam0", "cam1");

        arrive("cam", 2, 1.00045); // the same millisecond (1000) as cam1, and after it: next, at once
        assertThat(left()).containsExactly("cam2");
        arrive("cam", 4, 1.0012);
        arrive("cam", 1, 1.0004); // cam1 again: behind what left
        harness.processWatermark(1001);
        assertThat(left()).containsExactly("cam4");
        assertThat(late()).containsExactly(1L);
    }

    @Test
    void framesAreOrderedByTheirRecordsEventTimeNotTheirCaptureTime() throws Exception {
        harness.processElement(new StreamRecord<>(Frame.encoded("cam", 0, 99.0, null, new byte[1]), 2000L));
        harness.processElement(new StreamRecord<>(Frame.encoded("cam", 1, 5.0, null, new byte[1]), 2100L));
        harness.processWatermark(2100);
        assertThat(left()).as("ftime is wire data; event time orders").containsExactly("cam0", "cam1");
        assertThat(harness.getSideOutput(ReorderFrames.LATE)).as("none late").isNull();
    }

    @Test
    void whatIsStillHeldLeavesInCaptureOrderWhenTheInputEndsEvenWithoutTheFinalWatermark() throws Exception {
        arrive("cam", 11, 1.1);
        arrive("cam", 10, 1.0);
        arrive("cam", 13, 1.3);
        arrive("door", 7, 5.0);
        assertThat(left()).as("a first frame waits; so does a gap").isEmpty();

        harness.endInput(); // an idle source ends without its final watermark (FLINK-40499)

        assertThat(left()).containsExactlyInAnyOrder("cam10", "cam11", "cam13", "door7");
        assertThat(harness.extractOutputValues()).isEmpty();
    }
}
