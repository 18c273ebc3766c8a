package io.videostream.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.job.DemoJob;
import io.videostream.job.ReceiverJob;
import io.videostream.job.SqlScript;
import io.videostream.job.StreamerJob;
import io.videostream.job.WorkerJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each job's help lists every flag the job reads, once, with its default as the job applies it. */
class UsageTest {
    @TempDir
    Path dir;

    /** Reads the flags as the job does and checks that its help lists each flag it read. */
    private static void readsOnlyListedFlags(Usage usage, Consumer<Args> parse, String... flags) {
        Args args = new Args(flags);
        parse.accept(args);
        assertThat(usage.names()).as("listed once").doesNotHaveDuplicates();
        assertThat(usage.names()).as("flags read by the job").containsAll(args.read());
    }

    @Test
    void everyJobListsTheFlagsItReads() throws Exception {
        readsOnlyListedFlags(WorkerJob.USAGE, WorkerJob.Options::parse,
                "--source", "tcp://127.0.0.1:1", "--drain", "tcp://127.0.0.1:2");
        readsOnlyListedFlags(WorkerJob.USAGE, WorkerJob.Options::parse,
                "--source", "tcp://127.0.0.1:1", "--drain", "tcp://127.0.0.1:2", "--format", "imagezmq");
        readsOnlyListedFlags(ReceiverJob.USAGE, ReceiverJob.Options::parse, "--endpoint", "tcp://127.0.0.1:1");
        readsOnlyListedFlags(ReceiverJob.USAGE, ReceiverJob.Options::parse,
                "--endpoint", "tcp://127.0.0.1:1", "--format", "imagezmq");
        readsOnlyListedFlags(StreamerJob.USAGE, StreamerJob.Options::parse,
                "--endpoint", "tcp://127.0.0.1:1", "--mapreduce");
        readsOnlyListedFlags(DemoJob.USAGE, DemoJob.Options::parse);
        Path script = Files.writeString(dir.resolve("q.sql"), "SHOW TABLES;");
        readsOnlyListedFlags(SqlScript.USAGE, args -> SqlScript.Options.parse(script.toString(), args));
    }

    @Test
    void theHelpSaysTheDefaultTheJobApplies() {
        WorkerJob.Options worker = WorkerJob.Options.parse(new Args("--source", "tcp://127.0.0.1:1",
                "--drain", "tcp://127.0.0.1:2"));
        assertThat(helpOf(WorkerJob.USAGE, "reqthread")).endsWith("(default " + worker.reqthread() + ")");
        assertThat(helpOf(WorkerJob.USAGE, "quality")).endsWith("(default " + worker.codec().quality() + ")");
        assertThat(helpOf(WorkerJob.USAGE, "parallelism")).endsWith("(default " + worker.parallelism() + ")");
        assertThat(DemoJob.Options.parse(new Args()).frames().animated()).isTrue();
        assertThat(DemoJob.USAGE.text()).contains("(on unless given as --animated false)");
        assertThat(StreamerJob.Options.parse(new Args("--endpoint", "tcp://127.0.0.1:1")).frames().animated())
                .isFalse();
    }

    /** A flag's lines of help, joined. */
    private static String helpOf(Usage usage, String flag) {
        String text = usage.text();
        int start = text.indexOf("\n  --" + flag + " ");
        int end = text.indexOf("\n  --", start + 1);
        return text.substring(start, end < 0 ? text.length() : end).replaceAll("\\s+", " ").strip();
    }

    @Test
    void longHelpIsWrappedUnderItsFlag() {
        for (Usage usage : new Usage[] {WorkerJob.USAGE, ReceiverJob.USAGE, StreamerJob.USAGE, DemoJob.USAGE}) {
            assertThat(usage.text().lines().skip(1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        }
    }
}
