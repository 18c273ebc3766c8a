package io.videostream.connector.zeromq.internal.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.fetcher.SingleThreadFetcherManager;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;

class FailFastSourceReaderBaseTest {

    @Test
    void aFetcherThatFailsWhileTheTaskPollsFailsTheTaskInsteadOfLeavingItWaiting() throws Exception {
        CountDownLatch failNow = new CountDownLatch(1);
        CuedFetcherManager manager = new CuedFetcherManager(new FailingSplitReader(failNow), failNow);
        try (Reader reader = new Reader(manager)) {
            reader.start();
            reader.addSplits(List.of(() -> "only"));
            manager.failAfterTheNextCheck = true;

            Throwable thrown = catchThrowable(() -> pollAsASourceTaskDoes(reader));

            assertThat(thrown).as("the fetcher's failure, not a task waiting for records forever")
                    .hasRootCauseMessage("the peer went away");
        }
    }

    /** Polls, and waits for the reader's availability (here at most 10 s) whenever nothing is there. */
    private static void pollAsASourceTaskDoes(Reader reader) throws Exception {
        TestingReaderOutput<Integer> output = new TestingReaderOutput<>();
        for (int polls = 0; polls < 10; polls++) {
            if (reader.pollNext(output) == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Lets the fetcher fail right after the task checked for failures and before it polls the queue,
     * and returns once the fetcher has reported it: the order in which Flink's base reader loses it.
     */
    private static final class CuedFetcherManager extends SingleThreadFetcherManager<Integer, SourceSplit> {
        private final CountDownLatch failNow;
        volatile boolean failAfterTheNextCheck;

        CuedFetcherManager(FailingSplitReader splitReader, CountDownLatch failNow) {
            super(() -> splitReader);
            this.failNow = failNow;
        }

        @Override
        public void checkErrors() {
            super.checkErrors();
            if (failAfterTheNextCheck) {
                failAfterTheNextCheck = false;
                failNow.countDown();
                getQueue().getAvailabilityFuture().orTimeout(10, TimeUnit.SECONDS).join(); // the report's wake-up
            }
        }
    }

    /** A fetcher that fails when told to. */
    private static final class FailingSplitReader implements SplitReader<Integer, SourceSplit> {
        private final CountDownLatch failNow;

        FailingSplitReader(CountDownLatch failNow) {
            this.failNow = failNow;
        }

        @Override
        public RecordsWithSplitIds<Integer> fetch() {
            try {
                failNow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the peer went away");
        }

        @Override
        public void handleSplitsChanges(SplitsChange<SourceSplit> change) {}

        @Override
        public void wakeUp() {}

        @Override
        public void close() {}
    }

    private static final class Reader extends FailFastSourceReaderBase<Integer, Integer, SourceSplit, SourceSplit> {
        Reader(SingleThreadFetcherManager<Integer, SourceSplit> manager) {
            super(manager, (record, out, split) -> out.collect(record), new Configuration(), new TestingReaderContext());
        }

        @Override
        protected void onSplitFinished(Map<String, SourceSplit> finished) {}

        @Override
        protected SourceSplit initializedState(SourceSplit split) {
            return split;
        }

        @Override
        protected SourceSplit toSplitType(String splitId, SourceSplit state) {
            return state;
        }
    }
}
