package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.testcard.TestCard;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CodecDemoJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** What arrived: frame number and decoded size (the pixels themselves are reused by the decoder). */
    record Seen(long fno, int width, int height, int channels) {}

    static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

    @Test
    void everyFrameArrivesOnceDecodedAtTheCardsSize() throws Exception {
        SEEN.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        var options = new CodecDemoJob.Options(TestCard.IMAG_S, true, 200, 40, new Configuration());
        new CodecDemoJob(options, new RecordingSink()).execute(env);

        List<Seen> seen = List.copyOf(SEEN);
        assertThat(seen).extracting(Seen::fno).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, 40).boxed().toList());
        assertThat(seen).allMatch(s -> s.width() == 640 && s.height() == 480 && s.channels() == 3);
    }

    private static final class RecordingSink implements Sink<Frame> {
        @Override
        public SinkWriter<Frame> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Frame frame, Context context) {
                    SEEN.add(new Seen(frame.fno(), frame.pixels().width(), frame.pixels().height(),
                            frame.pixels().channels()));
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
