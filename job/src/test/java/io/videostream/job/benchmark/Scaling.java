package io.videostream.job.benchmark;

import static io.videostream.job.StandaloneCluster.awaitState;
import static io.videostream.job.StandaloneCluster.cancel;
import static io.videostream.job.StandaloneCluster.cluster;
import static io.videostream.job.StandaloneCluster.submit;

import io.videostream.codec.Frame;
import io.videostream.codec.jpeg.JpegCodec;
import io.videostream.codec.jpeg.JpegCodecs;
import io.videostream.codec.testcard.TestCard;
import io.videostream.codec.testcard.TestCards;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.Ports;
import io.videostream.job.WorkerJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Does a worker scale out? The worker (decode -> identity -> encode) on the standalone cluster of
 * flink-conf/cluster with 1 and with 2 TaskManagers, each pinned to a CPU of its own (taskset), at
 * parallelism 2 per TaskManager, fed as fast as it takes them with one pre-encoded picture (the
 * feeder only copies bytes) from 1, 10 or 100 streams (the same total), its results counted by a PULL
 * collector. The feeders are distributors (the worker's REQ asks for each frame, as pystreaming's
 * Workers do) or PUSH peers (the worker's PULL takes what they push, back-pressure paces them).
 * Feeder and collector run in this JVM, unpinned, and the JobManager too: they share the machine
 * with the TaskManagers. Prints frames per second over the measured window, after a warm-up, against
 * the worker's codec work alone on as many threads as TaskManagers (measured first, in this JVM), the
 * CPU this JVM took meanwhile, and the ratios. One TaskManager and two are measured in turns, several
 * times (the machine's speed moves between runs by more than the effect measured), and compared by
 * their medians.
 *
 * <p>Arguments: [seconds measured (default 20)] [card (default IMAG_M)] [feeders, comma-separated:
 * req, push (default req,push)] [turns of 1 and 2 TaskManagers (default 3)] [the worker's --reqthread,
 * requests in flight per source reader, comma-separated (default: the worker's)]. Several feeds or
 * --reqthread values are measured in the same turns, one after the other, so the machine's drift
 * falls on each alike.
 */
public final class Scaling {
    private static final long WARM_UP_MILLIS = 15_000;
    /** A feed and the worker's {@code --reqthread} (which only a worker asking distributors uses). */
    record Setting(Feed feed, int reqthread) {
        String label() {
            return feed == Feed.REQ ? "req/" + reqthread : feed.sourcePattern();
        }
    }

    private Scaling() {}

    /** How the feeders hand out frames, and the worker's source pattern for them. */
    enum Feed {
        /** Distributors (ROUTER) answering each request with a frame; the worker asks (REQ). */
        REQ,
        /** PUSH peers; the worker takes what they push (PULL). */
        PUSH;

        String sourcePattern() {
            return this == REQ ? "req" : "pull";
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        TestCard card = TestCard.parse(args.length > 1 ? args[1] : "IMAG_M");
        List<Feed> feeds = Arrays.stream((args.length > 2 ? args[2] : "req,push").split(","))
                .map(feed -> Feed.valueOf(feed.toUpperCase(Locale.ROOT))).toList();
        int turns = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Integer> reqthreads = Arrays.stream((args.length > 4 ? args[4] : WorkerJob.REQTHREAD.defaultValue())
                .split(",")).map(Integer::parseInt).toList();
        List<Setting> settings = feeds.stream().flatMap(feed -> feed == Feed.REQ
                ? reqthreads.stream().map(n -> new Setting(feed, n)) : Stream.of(new Setting(feed, reqthreads.get(0))))
                .toList();
        byte[] jpeg;
        try (JpegCodec codec = JpegCodecs.create()) {
            jpeg = codec.encode(TestCards.frame(card, false, 0));
        }
        System.out.printf(Locale.ROOT, "%s (%d bytes a frame), %d s measured after %d s of warm-up%n",
                card, jpeg.length, seconds, WARM_UP_MILLIS / 1000);
        double[] ceiling = {codecCeiling(jpeg, 1), codecCeiling(jpeg, 2)};
        System.out.printf(Locale.ROOT, "the worker's codec work (decode, encode) alone: %.1f f/s on 1 thread, %.1f on 2%n",
                ceiling[0], ceiling[1]);
        System.out.printf(Locale.ROOT, "%-8s %-14s %8s %12s %14s %18s%n", "feed", "TaskManagers", "streams",
                "frames/s", "/ codec alone", "feeder+collector");
        double[][] one = new double[settings.size()][turns];
        double[][] two = new double[settings.size()][turns];
        for (int turn = 0; turn < turns; turn++) {
            for (int i = 0; i < settings.size(); i++) {
                one[i][turn] = measure(settings.get(i), 1, 1, jpeg, seconds, ceiling[0]);
                two[i][turn] = measure(settings.get(i), 2, 1, jpeg, seconds, ceiling[1]);
            }
        }
        for (int i = 0; i < settings.size(); i++) {
            double ten = measure(settings.get(i), 2, 10, jpeg, seconds, ceiling[1]);
            double hundred = measure(settings.get(i), 2, 100, jpeg, seconds, ceiling[1]);
            System.out.printf(Locale.ROOT, "%s: 2 TaskManagers / 1: %.2f (medians of %d turns; codec alone, 2 threads / "
                    + "1: %.2f); 10 streams / 1: %.2f; 100 streams / 1: %.2f%n", settings.get(i).label(),
                    median(two[i]) / median(one[i]), turns, ceiling[1] / ceiling[0], ten / median(two[i]),
                    hundred / median(two[i]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Frames per second of the worker's codec work (decode, encode) in {@code threads} threads for 5 s. */
    static double codecCeiling(byte[] jpeg, int threads) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(thread(() -> {
                try (JpegCodec codec = JpegCodecs.create()) {
                    while (System.nanoTime() < end) {
                        codec.encode(codec.decode(jpeg));
                        done.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get() / 5.0;
    }

    /** Frames per second through a worker on {@code taskManagers} pinned TaskManagers, from {@code streams} feeders. */
    static double measure(Setting setting, int taskManagers, int streams, byte[] jpeg, int seconds, double ceiling)
            throws Exception {
        Feed feed = setting.feed();
        String cpus = taskManagers == 1 ? "0" : "0,1";
        cluster(Map.of("TASKMANAGER_CPUS", cpus), "start", Integer.toString(taskManagers));
        Set<String> distinct = new LinkedHashSet<>(); // a free port may come up twice
        for (int i = 0; i < 10 * streams && distinct.size() < streams; i++) {
            distinct.add(Ports.freeAddress());
        }
        List<String> feeders = List.copyOf(distinct);
        Path sources = Files.createTempFile("sources", ".txt");
        Files.write(sources, feeders);
        String collector = Ports.freeAddress();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong received = new AtomicLong();
        try (ZContext context = new ZContext(1)) {
            Thread feeding = thread(() -> {
                if (feed == Feed.REQ) {
                    serve(context, feeders, jpeg, stop);
                } else {
                    push(context, feeders, jpeg, stop);
                }
            });
            Thread collect = thread(() -> collect(context, collector, received, stop));
            String job = submit("worker", "--sources", sources.toString(), "--source-pattern", feed.sourcePattern(), "--reqthread", Integer.toString(setting.reqthread()), "--drain",
                    collector, "--processor", "identity", "--parallelism", Integer.toString(2 * taskManagers));
            awaitState(job, "RUNNING");
            Thread.sleep(WARM_UP_MILLIS);
            long before = received.get();
            long start = System.nanoTime();
            long cpuBefore = cpuNanos();
            Thread.sleep(seconds * 1000L);
            double wall = System.nanoTime() - start;
            double fps = (received.get() - before) / (wall / 1e9);
            System.out.printf(Locale.ROOT, "%-8s %-14d %8d %12.1f %14.2f %12.0f%% CPU%n", setting.label(),
                    taskManagers, streams, fps, fps / ceiling, 100 * (cpuNanos() - cpuBefore) / wall);
            cancel(job);
            stop.set(true);
            feeding.join();
            collect.join();
            return fps;
        } finally {
            stop.set(true);
            cluster(Map.of(), "stop");
            Files.deleteIfExists(sources);
        }
    }

    /** One thread for all feeders: each ROUTER binds, and answers every request with the next frame. */
    private static void serve(ZContext context, List<String> addresses, byte[] jpeg, AtomicBoolean stop) {
        ZMQ.Poller poller = context.createPoller(addresses.size());
        List<ZMQ.Socket> routers = new ArrayList<>();
        for (String address : addresses) {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.bind(address);
            poller.register(router, ZMQ.Poller.POLLIN);
            routers.add(router);
        }
        PyStreamingWire wire = new PyStreamingWire();
        long[] next = new long[routers.size()];
        while (!stop.get()) {
            poller.poll(100);
            for (int i = 0; i < routers.size(); i++) {
                ZMQ.Socket router = routers.get(i);
                byte[] requester;
                while ((requester = router.recv(ZMQ.DONTWAIT)) != null) {
                    while (router.hasReceiveMore()) {
                        router.recv(); // the empty delimiter and the track asked for: every track is served
                    }
                    List<byte[]> parts = wire.encode(Frame.encoded("camera", next[i]++,
                            System.currentTimeMillis() / 1000.0, null, jpeg));
                    router.send(requester, ZMQ.SNDMORE);
                    router.send(new byte[0], ZMQ.SNDMORE);
                    router.send(parts.get(0), ZMQ.SNDMORE);
                    router.send(parts.get(1), ZMQ.SNDMORE);
                    router.send(parts.get(2), ZMQ.SNDMORE);
                    router.send(parts.get(3), 0);
                }
            }
        }
    }

    /** One thread for all feeders: each PUSH binds, and gets the next frame whenever ZeroMQ has room. */
    private static void push(ZContext context, List<String> addresses, byte[] jpeg, AtomicBoolean stop) {
        List<ZMQ.Socket> pushes = new ArrayList<>();
        for (String address : addresses) {
            ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.setSndHWM(10);
            push.bind(address);
            pushes.add(push);
        }
        PyStreamingWire wire = new PyStreamingWire();
        long[] next = new long[pushes.size()];
        while (!stop.get()) {
            boolean sent = false;
            for (int i = 0; i < pushes.size(); i++) {
                List<byte[]> parts = wire.encode(Frame.encoded("camera", next[i], System.currentTimeMillis() / 1000.0,
                        null, jpeg));
                if (pushes.get(i).send(parts.get(0), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                    pushes.get(i).send(parts.get(1), ZMQ.SNDMORE);
                    pushes.get(i).send(parts.get(2), ZMQ.SNDMORE);
                    pushes.get(i).send(parts.get(3), 0);
                    next[i]++;
                    sent = true;
                }
            }
            if (!sent) {
                sleepQuietly();
            }
        }
    }

    private static void collect(ZContext context, String address, AtomicLong received, AtomicBoolean stop) {
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.setReceiveTimeOut(100);
        pull.bind(address);
        while (!stop.get()) {
            byte[] first = pull.recv();
            if (first == null) {
                continue;
            }
            while (pull.hasReceiveMore()) {
                pull.recv();
            }
            received.incrementAndGet();
        }
    }

    /** CPU time of this JVM (the feeders and the collector) so far. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static Thread thread(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
