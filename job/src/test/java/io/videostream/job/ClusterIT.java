package io.videostream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.videostream.codec.Frame;
import io.videostream.codec.Pixels;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.common.Multipart;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The job jar on a real standalone cluster (flink-conf/cluster: a JobManager and a TaskManager
 * process started from the Maven artifacts), submitted the way {@code flink run} does: a worker
 * between a test distributor and a test collector, watched through the REST API.
 */
class ClusterIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String REST = "http://localhost:8081";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster("start", "1");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster("stop");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aWorkerRunsOnTheClusterKeepsWorkingAfterARestartAndWhenSubmittedAgain() throws Exception {
        String distributorAddress = Ports.freeAddress();
        String collectorAddress = Ports.freeAddress();
        AtomicBoolean answerTrackMiss = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong grayFrames = new AtomicLong();
        try (Peer<Long> distributor = Peer.start(context -> serveFrames(context.createSocket(SocketType.REP),
                distributorAddress, answerTrackMiss, done));
                Peer<Long> collector = Peer.start(context -> collectGrayFrames(context.createSocket(SocketType.PULL),
                        collectorAddress, grayFrames, done))) {
            String[] worker = {"worker", "--source", distributorAddress, "--drain", collectorAddress,
                "--processor", "gray", "--parallelism", "2"};

            String job = submit(worker);
            awaitState(job, "RUNNING");
            awaitGrowth("frames the collector got, gray", 10, grayFrames::get);
            awaitGrowth("the process operator's numRecordsIn", 10, () -> processed(job));

            answerTrackMiss.set(true); // the worker fails ("does not serve track") and the cluster restarts it
            awaitGrowth("restarts", 1, () -> jobMetric(job, "numRestarts"));
            awaitState(job, "RUNNING");
            awaitGrowth("gray frames after the restart (OpenCV still loaded)", 10, grayFrames::get);

            cancel(job);
            String again = submit(worker);
            assertThat(again).isNotEqualTo(job);
            awaitState(again, "RUNNING");
            awaitGrowth("gray frames from the job submitted again (OpenCV in a new class loader)", 10, grayFrames::get);
            cancel(again);
            done.set(true);
            assertThat(collector.result(10)).as("frames that were not gray").isZero();
            assertThat(distributor.result(10)).isPositive();
        }
    }

    /** A pystreaming distributor for track "none": test-card frames; TRACKMISS once when asked to. */
    private static Long serveFrames(ZMQ.Socket rep, String address, AtomicBoolean answerTrackMiss, AtomicBoolean done)
            throws Exception {
        rep.bind(address);
        rep.setReceiveTimeOut(200);
        PyStreamingWire wire = new PyStreamingWire();
        long fno = 0;
        try (JpegCodec codec = JpegCodecs.create()) {
            for (int i = 0; i < 1_000_000 && !done.get(); i++) {
                if (rep.recv() == null) {
                    continue;
                }
                if (answerTrackMiss.compareAndSet(true, false)) {
                    Multipart.send(rep, PyStreamingWire.trackMiss());
                    continue;
                }
                Pixels card = TestCards.frame(TestCard.TEST_S, true, fno);
                Multipart.send(rep, wire.encode(Frame.encoded(Frame.DEFAULT_STREAM, fno++,
                        System.currentTimeMillis() / 1000.0, null, codec.encode(card))));
                Thread.sleep(20); // about 50 frames a second
            }
        }
        return fno;
    }

    /** A collecting receiver: counts the frames that decode to grey; returns how many did not. */
    private static Long collectGrayFrames(ZMQ.Socket pull, String address, AtomicLong grayFrames, AtomicBoolean done)
            throws Exception {
        pull.bind(address);
        pull.setReceiveTimeOut(200);
        PyStreamingWire wire = new PyStreamingWire();
        long notGray = 0;
        try (JpegCodec codec = JpegCodecs.create()) {
            for (int i = 0; i < 1_000_000 && !done.get(); i++) {
                List<byte[]> parts = Multipart.receive(pull, 0);
                if (parts == null) {
                    continue;
                }
                Frame frame = wire.decode("worker", parts);
                if (frame.fno() < 0) {
                    continue; // STOPSTREAM from a cancelled worker's sink, if any
                }
                byte[] bgr = codec.decode(frame.jpeg()).toByteArray();
                boolean gray = true;
                for (int p = 0; p + 2 < bgr.length; p += 3 * 101) {
                    gray &= Math.abs(bgr[p] - bgr[p + 1]) < 12 && Math.abs(bgr[p + 1] - bgr[p + 2]) < 12;
                }
                if (gray) {
                    grayFrames.incrementAndGet();
                } else {
                    notGray++;
                }
            }
        }
        return notGray;
    }

    private static String cluster(String... args) throws Exception {
        Path out = Files.createTempFile("cluster", ".out");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("flink-conf/cluster").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("flink-conf/cluster " + String.join(" ", args) + " did not finish: "
                    + Files.readString(out));
        }
        String output = Files.readString(out);
        assertThat(process.exitValue()).as("flink-conf/cluster %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    /** Submits the job jar as {@code flink run -d} does; returns the job id. */
    private static String submit(String... jobArgs) throws Exception {
        String[] args = new String[jobArgs.length + 1];
        args[0] = "run";
        System.arraycopy(jobArgs, 0, args, 1, jobArgs.length);
        Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(cluster(args));
        assertThat(id.find()).as("flink run printed the job id").isTrue();
        return id.group(1);
    }

    private static String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(REST + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void cancel(String job) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(REST + "/jobs/" + job + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        awaitState(job, "CANCELED");
    }

    private static void awaitState(String job, String state) throws Exception {
        String body = "";
        for (int i = 0; i < 600; i++) {
            body = get("/jobs/" + job);
            if (body.contains("\"state\":\"" + state + "\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " is not " + state + " within a minute: " + body);
    }

    /** The sum over subtasks of the worker's process operator's numRecordsIn, or -1 while not reported. */
    private static long processed(String job) throws Exception {
        Matcher vertex = Pattern.compile("\"id\":\"([0-9a-f]{32})\",\"slotSharingGroupId\":\"[^\"]*\",\"name\":\"[^\"]*process: gray")
                .matcher(get("/jobs/" + job));
        if (!vertex.find()) {
            return -1;
        }
        return number(get("/jobs/" + job + "/vertices/" + vertex.group(1) + "/subtasks/metrics?get="
                + URLEncoder.encode("process__gray.numRecordsIn", StandardCharsets.UTF_8) + "&agg=sum"), "sum");
    }

    private static long jobMetric(String job, String name) throws Exception {
        return number(get("/jobs/" + job + "/metrics?get=" + name), "value");
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"?([0-9.]+)").matcher(json);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    /** A figure read from the cluster or the peers. */
    private interface Reading {
        long read() throws Exception;
    }

    /** Waits until the value has grown by at least {@code by} over what it was when asked (metrics come every 2 s). */
    private static void awaitGrowth(String what, long by, Reading value) throws Exception {
        long start = value.read();
        long now = start;
        for (int i = 0; i < 600; i++) {
            now = value.read();
            if (now >= Math.max(start, 0) + by) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not grow within a minute: " + start + " -> " + now);
    }
}
