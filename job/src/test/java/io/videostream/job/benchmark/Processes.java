package io.videostream.job.benchmark;

import io.videostream.codec.testcard.TestCard;
import io.videostream.connector.zeromq.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three roles as users start them: three {@code bin/videostream} processes, each its own JVM and
 * local Flink, on loopback: {@code receiver --mapreduce}, {@code worker} (identity: decode, encode) and
 * {@code streamer --mapreduce} unpaced ({@code --fps 1000}: its clock slips to what the chain takes).
 * Prints the receiver's frames per second once the JVMs are warm (the frames after the first
 * {@code warm-up} seconds of arrivals, as the receiver counts them) and over the whole run, against
 * the ceiling of the same codec work per frame (encode, decode, encode in one thread per core), taken
 * before and after the processes in the same run, and the ratios. The processes' output is kept in
 * target/benchmark/processes-*.log.
 *
 * <p>Arguments: [card (default IMAG_M)] [frames (default 20000)] [warm-up seconds (default 30)].
 */
public final class Processes {
    private static final Pattern RATE = Pattern.compile("^receiver\\[0\\] [0-9.]+ frames/s, (\\d+) frames");
    private static final Pattern MISSING = Pattern.compile("frames missing over the run: (\\d+)");
    private static final long RUN_LIMIT_MINUTES = 15;

    private Processes() {}

    public static void main(String[] args) throws Exception {
        TestCard card = TestCard.parse(args.length > 0 ? args[0] : "IMAG_M");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        EndToEnd.codecCeiling(card, 2); // untimed: a fresh JVM's first seconds of it were 5-15% slower
        double ceilingBefore = EndToEnd.codecCeiling(card, 3);
        Path root = Path.of("..").toAbsolutePath().normalize(); // java.sh runs in the job module
        Path logs = Path.of("target", "benchmark");
        String distributor = Ports.freeAddress();
        String collector = Ports.freeAddress();
        List<Process> started = new ArrayList<>();
        ReceiverOutput output;
        try {
            Process receiver = start(root, logs, "receiver", started, "--mapreduce", "--endpoint", collector,
                    "--preview-port", "0");
            CompletableFuture<ReceiverOutput> following = CompletableFuture.supplyAsync(
                    () -> follow(receiver, logs.resolve("processes-receiver.log")));
            start(root, logs, "worker", started, "--source", distributor, "--drain", collector);
            start(root, logs, "streamer", started, "--endpoint", distributor, "--mapreduce", "--fps", "1000",
                    "--frames", Integer.toString(frames), "--card", card.name());
            if (!receiver.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the receiver did not end within " + RUN_LIMIT_MINUTES + " minutes");
            }
            output = following.get();
        } finally {
            started.forEach(Process::destroy);
        }
        double ceilingAfter = EndToEnd.codecCeiling(card, 3);
        double ceiling = (ceilingBefore + ceilingAfter) / 2;
        List<long[]> counts = output.counts();
        if (counts.size() < 2) {
            throw new IllegalStateException("the receiver reported no frame rate; see " + logs);
        }
        long[] first = counts.get(0);
        long[] last = counts.get(counts.size() - 1);
        long[] warm = counts.stream().filter(c -> c[0] - first[0] >= TimeUnit.SECONDS.toNanos(warmUpSeconds))
                .findFirst().orElseThrow(() -> new IllegalStateException("a run shorter than its warm-up"));
        double steady = rate(warm, last);
        double whole = rate(first, last);
        System.out.printf(Locale.ROOT, "%s: ceiling %.1f f/s (before %.1f, after %.1f); three processes %.1f f/s "
                + "after %d s (%.2f of the ceiling), %.1f f/s over the run (%.2f); %d frames received, %d missing%n",
                card, ceiling, ceilingBefore, ceilingAfter, steady, warmUpSeconds, steady / ceiling, whole,
                whole / ceiling, last[1], output.missing());
    }

    /**
     * What the receiver printed: each frame count ({nanoTime when printed, frames received}) and the
     * frames missing over the run (-1: not printed).
     */
    private record ReceiverOutput(List<long[]> counts, long missing) {}

    private static double rate(long[] from, long[] to) {
        return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
    }

    private static Process start(Path root, Path logs, String role, List<Process> started, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/videostream").toString(), role));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!role.equals("receiver")) {
            builder.redirectOutput(logs.resolve("processes-" + role + ".log").toFile());
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Copies the receiver's output to its log, noting when each frame count was printed. */
    private static ReceiverOutput follow(Process receiver, Path log) {
        List<long[]> counts = new ArrayList<>();
        long missing = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                out.println(line);
                Matcher rate = RATE.matcher(line);
                Matcher gaps = MISSING.matcher(line);
                if (rate.find()) {
                    counts.add(new long[] {now, Long.parseLong(rate.group(1))});
                } else if (gaps.find()) {
                    missing = Long.parseLong(gaps.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the receiver's output", e);
        }
        return new ReceiverOutput(counts, missing);
    }
}
