package io.videostream.job;

import static io.videostream.job.StandaloneCluster.ROOT;
import static io.videostream.job.StandaloneCluster.awaitState;
import static io.videostream.job.StandaloneCluster.cancel;
import static io.videostream.job.StandaloneCluster.cluster;
import static io.videostream.job.StandaloneCluster.get;
import static io.videostream.job.StandaloneCluster.submit;
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
import io.videostream.formats.FrameCollector;
import io.videostream.formats.TwoCameraWorker;
import io.videostream.formats.StreamMeta;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The job jar on a real standalone cluster (flink-conf/cluster: a JobManager and two TaskManager
 * processes started from the Maven artifacts), submitted the way {@code flink run} does: a worker
 * between a test distributor and a test collector, watched through the REST API; a worker of four
 * cameras over both TaskManagers; a receiver's metrics scraped as Prometheus does; a processor from
 * a user's own jar; Flink's own SQL client querying zeromq tables. The last test kills a TaskManager.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        for (int port : new int[] {8081, 6123}) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException taken) {
                throw new IllegalStateException("port " + port + " is taken (another Flink cluster or test?): "
                        + "the cluster of flink-conf/config.yaml needs it", taken);
            }
        }
        cluster(Map.of(), "start", "2");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster(Map.of(), "stop");
    }

    @Test
    @Order(1)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aWorkerRunsOnTheClusterFailsForGoodOnAnUnknownTrackAndWorksWhenSubmittedAgain() throws Exception {
        try (Chain chain = new Chain()) {
            String job = chain.startWorker(10);
            awaitGrowth("the process operator's numRecordsIn", 10, () -> processed(job));

            // An unknown track fails the worker at once, naming the track: the cluster, whose restart
            // strategy never gives up, does not restart it (asking again would get the same answer).
            chain.answerTrackMiss.set(true);
            awaitState(job, "FAILED");
            assertThat(get("/jobs/" + job + "/exceptions")).contains("does not serve track 'none'");

            String again = chain.startWorker(10); // OpenCV in a new class loader of the same TaskManagers
            assertThat(again).isNotEqualTo(job);
            cancel(again);
            chain.finish();
        }
    }

    /** The cluster's REST API takes jobs from {@code flink run} but no jar uploads, and answers no other origin. */
    @Test
    @Order(2)
    void theRestApiTakesNoJarUploadsAndAnswersNoOtherOrigin() throws Exception {
        try (Chain chain = new Chain()) {
            String job = chain.startWorker(1);
            CrossOrigin.assertRefused(StandaloneCluster.REST, job);
            cancel(job);
            chain.finish();
        }
    }

    /**
     * Many cameras over the cluster: a worker of four named streams (--sources FILE) at parallelism 4
     * takes both TaskManagers' slots; each stream's results reach the collector through one socket,
     * named in their meta.
     */
    @Test
    @Order(3)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aWorkerOfFourNamedStreamsRunsOnBothTaskManagersAndKeepsTheStreamsApart(@TempDir Path dir) throws Exception {
        Set<String> distinct = new TreeSet<>(); // a free port may come up twice
        for (int i = 0; i < 40 && distinct.size() < 4; i++) {
            distinct.add(Ports.freeAddress());
        }
        List<String> cameras = List.copyOf(distinct);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < cameras.size(); i++) {
            lines.append(cameras.get(i)).append(" camera-").append(i).append('\n');
        }
        Path sources = Files.writeString(dir.resolve("cameras.txt"), lines);
        String collector = Ports.freeAddress();
        AtomicBoolean done = new AtomicBoolean();
        List<Peer<Void>> pushers = new ArrayList<>();
        try (Peer<List<Frame>> collected = Peer.start(context -> FrameCollector.untilStopstream(
                context.createSocket(SocketType.PULL), collector, 60))) {
            for (String camera : cameras) {
                pushers.add(Peer.start(context -> sendFrames(context.createSocket(SocketType.PUSH), camera, done)));
            }
            String job = submit("worker", "--sources", sources.toString(), "--source-pattern", "pull", "--drain",
                    collector, "--processor", "gray", "--parallelism", "4", "--frames", "20");
            awaitState(job, "FINISHED"); // --frames ends each camera's split
            assertThat(taskManagers(job, "Source: ")).as("the source readers' TaskManagers")
                    .containsExactlyInAnyOrder("taskmanager-1", "taskmanager-2");
            Map<String, List<Long>> streams = collected.result(30).stream().collect(Collectors.groupingBy(
                    frame -> String.valueOf(StreamMeta.streamOf(frame.meta())),
                    Collectors.mapping(Frame::fno, Collectors.toList())));
            assertThat(streams).containsOnlyKeys("camera-0", "camera-1", "camera-2", "camera-3");
            streams.forEach((camera, fnos) -> assertThat(fnos).as(camera).hasSize(20).doesNotHaveDuplicates());
        } finally {
            done.set(true);
            for (Peer<Void> pusher : pushers) {
                pusher.result(10); // it ends once done, and only then may its context close
                pusher.close();
            }
        }
    }

    /**
     * A processor of one's own (examples/processor, built against the installed artifacts): the worker
     * ships its jar with the job, the TaskManagers load it by name, and its meta reaches the collector.
     */
    @Test
    @Order(5)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aWorkerRunsAProcessorFromTheUsersOwnJarOnTheCluster(@TempDir Path dir) throws Exception {
        Path jar = ExampleProjects.build("processor", dir.resolve("mvn.out")).resolve("processor.jar");
        String camera = Ports.freeAddress();
        String collector = Ports.freeAddress();
        AtomicBoolean done = new AtomicBoolean();
        try (Peer<List<Frame>> collected = Peer.start(context -> FrameCollector.untilStopstream(
                context.createSocket(SocketType.PULL), collector, 60));
                Peer<Void> pusher = Peer.start(context -> sendFrames(context.createSocket(SocketType.PUSH), camera, done))) {
            String job = submit("worker", "--source", camera, "--source-pattern", "pull", "--drain", collector,
                    "--processor", "class:" + ProcessorJarIT.PROCESSOR, "--processor-jar", jar.toString(),
                    "--frames", "20");
            awaitState(job, "FINISHED");
            ProcessorJarIT.assertBrightShares(collected.result(30), 20);
            done.set(true);
            pusher.result(10);
        }
    }

    /**
     * Flink's own SQL client (embedded gateway, FLINK_CONF_DIR the cluster's) with the job jar as the
     * connector's jar ({@code -j}, as README says): README's query over a worker's results, run on the
     * cluster. The client's class path has Flink and the SQL client only, none of videostream's classes.
     */
    @Test
    @Order(6)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void flinksOwnSqlClientQueriesAWorkersResultsOnTheClusterWithTheJobJar(@TempDir Path dir) throws Exception {
        String address = Ports.freeAddress();
        Path script = Files.writeString(dir.resolve("people.sql"), """
                SET 'sql-client.execution.result-mode' = 'tableau';
                SET 'table.local-time-zone' = 'UTC';
                CREATE TABLE results (
                  `stream` STRING, fno BIGINT, ftime TIMESTAMP_LTZ(3), meta STRING,
                  WATERMARK FOR ftime AS ftime - INTERVAL '0.5' SECOND
                ) WITH ('connector' = 'zeromq', 'endpoint' = '%s', 'pattern' = 'sub');
                """.formatted(address) + TwoCameraWorker.PEOPLE_PER_SECOND);
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().startsWith(ROOT) && !entry.contains("io/videostream"))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.apache.flink.table.client.SqlClient", "embedded", "-f", script.toString(),
                "-j", ROOT.resolve("job/target/videostream.jar").toString());
        client.environment().put("FLINK_CONF_DIR", ROOT.resolve("job/target/cluster/conf").toString());
        try (Peer<Void> worker = TwoCameraWorker.publish(address)) {
            ExampleProjects.awaitSuccess(client, dir.resolve("sql-client.out"), 150);
            worker.result(10);
        }
        assertThat(TwoCameraWorker.printedRows(Files.readString(dir.resolve("sql-client.out"))))
                .as("the rows the SQL client printed").containsExactlyInAnyOrderElementsOf(TwoCameraWorker.PEOPLE_PER_SECOND_ROWS);
        assertThat(get("/jobs/overview")).as("the query ran on the cluster").contains("window_start");
    }

    /** Binds a PUB or PUSH and sends numbered test-card frames every 20 ms until done (at most 60 s). */
    static Void sendFrames(ZMQ.Socket socket, String address, AtomicBoolean done) throws Exception {
        socket.setSendTimeOut(100);
        socket.bind(address);
        PyStreamingWire wire = new PyStreamingWire();
        try (JpegCodec codec = JpegCodecs.create()) {
            byte[] jpeg = codec.encode(TestCards.frame(TestCard.TEST_S, false, 0));
            long fno = 0;
            for (int i = 0; i < 3000 && !done.get(); i++) {
                if (Peer.send(socket, wire.encode(Frame.encoded("camera", fno, System.currentTimeMillis() / 1000.0,
                        null, jpeg)))) {
                    fno++;
                }
                Thread.sleep(20);
            }
        }
        return null;
    }

    /** Prometheus scrapes the TaskManagers (9250 and up) and finds a receiver's frame rate and latency per stream. */
    @Test
    @Order(4)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void prometheusFindsAReceiversFrameRateAndLatencyOnTheTaskManagers() throws Exception {
        String published = Ports.freeAddress();
        AtomicBoolean done = new AtomicBoolean();
        Peer<Void> camera = Peer.start(context -> sendFrames(context.createSocket(SocketType.PUB), published, done));
        try {
            assertThat(scrape(9249)).as("the JobManager's metrics").contains("flink_jobmanager_");
            String job = submit("receiver", "--endpoint", published, "--preview-port", "0");
            awaitState(job, "RUNNING");
            String scraped = "";
            for (int i = 0; i < 300 && !(scraped.contains("_fps{") && scraped.contains("_latencyMs{")); i++) {
                scraped = scrape(9250) + scrape(9251); // the two TaskManagers (config.yaml: 9250 and up)
                Thread.sleep(100);
            }
            assertThat(scraped.lines().filter(line -> line.startsWith("flink_taskmanager_job_task_operator")
                    && line.contains(job) && (line.contains("_fps{") || line.contains("_latencyMs{"))))
                    .as("the receiver's fps and latencyMs in Prometheus's text format")
                    .anyMatch(line -> line.contains("_fps{")).anyMatch(line -> line.contains("_latencyMs{"));
            cancel(job);
        } finally {
            done.set(true);
            camera.result(10); // it ends once done, and only then may its context close
            camera.close();
        }
    }

    /** What Prometheus would scrape from a port on this machine, or nothing if nobody serves there. */
    private static String scrape(int port) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException nobody) {
            return "";
        }
    }

    /**
     * kill -9 of the TaskManager that runs the worker's source: the job runs again on the other
     * TaskManager's slots and frames come again. How long that took is printed (job/benchmark/README.md
     * quotes it), not asserted.
     */
    @Test
    @Order(7)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aWorkerWhoseTaskManagerIsKilledRunsAgainOnTheOther() throws Exception {
        try (Chain chain = new Chain()) {
            String job = chain.startWorker(20);
            String taskManager = sourceTaskManager(job);
            long pid = Long.parseLong(Files.readString(ROOT.resolve("job/target/cluster/" + taskManager + ".pid")).trim());
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new AssertionError(taskManager + " (pid " + pid + ") is not running"));

            long killed = System.nanoTime();
            assertThat(process.destroyForcibly()).as("SIGKILL sent to " + taskManager).isTrue();
            process.onExit().get(10, TimeUnit.SECONDS);
            long servedBeforeDeath = chain.served.get(); // frames numbered from here on were served after the kill
            for (int i = 0; i < 6000 && chain.newestReceived.get() < servedBeforeDeath; i++) {
                Thread.sleep(10);
            }
            double back = (System.nanoTime() - killed) / 1e9;
            assertThat(chain.newestReceived.get()).as("the newest frame that arrived; none served after the kill "
                    + "within %.0f s", back).isGreaterThanOrEqualTo(servedBeforeDeath);
            System.out.printf("ClusterIT: kill -9 of %s (the worker's source): frames again after %.1f s%n",
                    taskManager, back);
            awaitGrowth("gray frames after the TaskManager was lost", 10, chain.grayFrames::get);
            cancel(job);
            chain.finish();
        }
    }

    /** A test distributor and a test collector for a worker, and what they saw. */
    private static final class Chain implements AutoCloseable {
        final String distributorAddress = Ports.freeAddress();
        final String collectorAddress = Ports.freeAddress();
        /** Set: the distributor answers the next request with TRACKMISS. */
        final AtomicBoolean answerTrackMiss = new AtomicBoolean();
        final AtomicBoolean done = new AtomicBoolean();
        /** Frames the distributor served; the next one gets this number. */
        final AtomicLong served = new AtomicLong();
        final AtomicLong grayFrames = new AtomicLong();
        /** The newest frame number the collector got. */
        final AtomicLong newestReceived = new AtomicLong(-1);
        final Peer<Long> distributor = Peer.start(context -> serveFrames(context.createSocket(SocketType.REP), this));
        final Peer<Long> collector = Peer.start(context -> collectGrayFrames(context.createSocket(SocketType.PULL), this));

        /**
         * Submits a worker between the two, as {@code flink run} does, and waits until the collector
         * got {@code frames} gray frames more; returns the job id.
         */
        String startWorker(long frames) throws Exception {
            String job = submit("worker", "--source", distributorAddress, "--drain", collectorAddress,
                    "--processor", "gray", "--parallelism", "2");
            awaitState(job, "RUNNING");
            awaitGrowth("gray frames from job " + job, frames, grayFrames::get);
            return job;
        }

        /** Ends the peers once the jobs are cancelled: every frame the collector got was gray. */
        void finish() throws Exception {
            done.set(true);
            assertThat(collector.result(10)).as("frames that were not gray").isZero();
            assertThat(distributor.result(10)).isPositive();
        }

        @Override
        public void close() {
            done.set(true);
            distributor.close();
            collector.close();
        }
    }

    /** A pystreaming distributor for track "none": test-card frames; TRACKMISS once when asked to. */
    private static Long serveFrames(ZMQ.Socket rep, Chain chain) throws Exception {
        rep.bind(chain.distributorAddress);
        rep.setReceiveTimeOut(200);
        PyStreamingWire wire = new PyStreamingWire();
        try (JpegCodec codec = JpegCodecs.create()) {
            for (int i = 0; i < 1_000_000 && !chain.done.get(); i++) {
                if (rep.recv() == null) {
                    continue;
                }
                if (chain.answerTrackMiss.compareAndSet(true, false)) {
                    Peer.send(rep, PyStreamingWire.trackMiss());
                    continue;
                }
                long fno = chain.served.getAndIncrement();
                Pixels card = TestCards.frame(TestCard.TEST_S, true, fno);
                Peer.send(rep, wire.encode(Frame.encoded(Frame.DEFAULT_STREAM, fno,
                        System.currentTimeMillis() / 1000.0, null, codec.encode(card))));
                Thread.sleep(20); // about 50 frames a second
            }
        }
        return chain.served.get();
    }

    /** A collecting receiver: counts the frames that decode to grey; returns how many did not. */
    private static Long collectGrayFrames(ZMQ.Socket pull, Chain chain) throws Exception {
        pull.bind(chain.collectorAddress);
        pull.setReceiveTimeOut(200);
        PyStreamingWire wire = new PyStreamingWire();
        long notGray = 0;
        try (JpegCodec codec = JpegCodecs.create()) {
            for (int i = 0; i < 1_000_000 && !chain.done.get(); i++) {
                List<byte[]> parts = Peer.receive(pull);
                if (parts == null) {
                    continue;
                }
                Frame frame = wire.decode("worker", parts);
                if (frame.fno() < 0) {
                    continue; // STOPSTREAM from a cancelled worker's sink, if any
                }
                chain.newestReceived.accumulateAndGet(frame.fno(), Math::max);
                byte[] bgr = codec.decode(frame.jpeg()).toByteArray();
                boolean gray = true;
                for (int p = 0; p + 2 < bgr.length; p += 3 * 101) {
                    gray &= Math.abs(bgr[p] - bgr[p + 1]) < 12 && Math.abs(bgr[p + 1] - bgr[p + 2]) < 12;
                }
                if (gray) {
                    chain.grayFrames.incrementAndGet();
                } else {
                    notGray++;
                }
            }
        }
        return notGray;
    }

    /** The TaskManager (its resource id, named as its pid file) that runs the worker's source. */
    private static String sourceTaskManager(String job) throws Exception {
        return taskManagers(job, "Source: ").iterator().next();
    }

    /** The TaskManagers (resource ids, named as their pid files) that run the job's vertex {@code name} names. */
    private static Set<String> taskManagers(String job, String name) throws Exception {
        String answer = "";
        for (int i = 0; i < 100; i++) { // the REST API's view of a job can be a few seconds old
            String vertex = vertex(job, name);
            answer = vertex == null ? "" : get("/jobs/" + job + "/vertices/" + vertex + "/taskmanagers");
            Set<String> found = new TreeSet<>();
            Matcher taskManager = Pattern.compile("\"taskmanager-id\":\"(taskmanager-[0-9]+)\"").matcher(answer);
            while (taskManager.find()) {
                found.add(taskManager.group(1));
            }
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no TaskManager runs " + name + " of job " + job + ": " + answer);
    }

    /** The id of the job's vertex whose name starts with what {@code name} (a regular expression) matches, or null. */
    private static String vertex(String job, String name) throws Exception {
        Matcher vertex = Pattern.compile("\"id\":\"([0-9a-f]{32})\",\"slotSharingGroupId\":\"[^\"]*\",\"name\":\"" + name)
                .matcher(get("/jobs/" + job));
        return vertex.find() ? vertex.group(1) : null;
    }

    /** The sum over subtasks of the worker's process operator's numRecordsIn, or -1 while not reported. */
    private static long processed(String job) throws Exception {
        String process = vertex(job, "[^\"]*process: gray");
        if (process == null) {
            return -1;
        }
        return number(get("/jobs/" + job + "/vertices/" + process + "/subtasks/metrics?get="
                + URLEncoder.encode("process__gray.numRecordsIn", StandardCharsets.UTF_8) + "&agg=sum"), "sum");
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
