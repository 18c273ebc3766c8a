package io.videostream.formats.table;

import static io.videostream.formats.TwoCameraWorker.FRAMES;
import static io.videostream.formats.TwoCameraWorker.JPEG;
import static io.videostream.formats.TwoCameraWorker.START_SECONDS;
import static io.videostream.formats.TwoCameraWorker.captureMillis;
import static io.videostream.formats.TwoCameraWorker.meta;
import static io.videostream.formats.TwoCameraWorker.publish;
import static io.videostream.formats.TwoCameraWorker.streamOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videostream.codec.Frame;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.Peer;
import io.videostream.connector.zeromq.Ports;
import io.videostream.connector.zeromq.Python;
import io.videostream.connector.zeromq.TestCluster;
import io.videostream.connector.zeromq.common.CurveCertificate;
import io.videostream.formats.FrameCollector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Flink SQL over pystreaming frames: a publisher's frames of two named streams read as a table (a
 * bounded query ends with the stream), counted per stream and second on capture time, and a query's
 * rows sent on to a collecting receiver as pystreaming messages.
 */
class ZmqTableITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.withMetrics(METRICS, 4);

    @Test
    void aTableOfAPublishersFramesHasEachFrameAsARowAndEndsWithTheStream() throws Exception {
        List<Row> rows = rowsOf("SELECT `stream`, fno, ftime, meta, jpeg FROM cams");

        assertThat(rows).extracting(row -> row.getField(1)).as("every frame, in order")
                .containsExactlyElementsOf(LongStream.range(0, FRAMES).boxed().toList());
        for (Row row : rows) {
            long fno = (Long) row.getField(1);
            assertThat(row.getField(0)).isEqualTo(streamOf(fno));
            assertThat(row.getField(2)).isEqualTo(Instant.ofEpochMilli(captureMillis(fno)));
            assertThat(MetaJson.read((String) row.getField(3))).isEqualTo(meta(fno));
            assertThat((byte[]) row.getField(4)).isEqualTo(JPEG);
        }
    }

    @Test
    void framesAreCountedPerStreamAndSecondOfCaptureTime() throws Exception {
        List<Row> rows = rowsOf("""
                SELECT window_start, `stream`, COUNT(*) AS frames,
                       SUM(CAST(CARDINALITY(JSON_QUERY(meta, '$.people' RETURNING ARRAY<STRING>)) AS BIGINT)) AS people
                FROM TABLE(TUMBLE(TABLE cams, DESCRIPTOR(ftime), INTERVAL '1' SECOND))
                GROUP BY window_start, window_end, `stream`""");

        // Each stream: 10 frames a second; frame n has n mod 3 people (boxes, as the people processor's).
        Map<String, List<Object>> counted = rows.stream().collect(Collectors.toMap(
                row -> row.getField(0) + " " + row.getField(1), row -> List.of(row.getField(2), row.getField(3))));
        Map<String, List<Object>> expected = new HashMap<>();
        for (long fno = 0; fno < FRAMES; fno++) {
            String key = LocalDateTime.ofEpochSecond(START_SECONDS + fno / 20, 0, ZoneOffset.UTC) + " " + streamOf(fno);
            List<Object> sums = expected.getOrDefault(key, List.of(0L, 0L));
            expected.put(key, List.of((Long) sums.get(0) + 1, (Long) sums.get(1) + fno % 3));
        }
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void aQuerysRowsGoOutAsPystreamingMessagesAndEndWithStopstreamSkippingThoseThatCannot() throws Exception {
        String published = Ports.freeAddress();
        String collector = Ports.freeAddress();
        try (Peer<List<Frame>> collected = Peer.start(context -> FrameCollector.untilStopstream(
                context.createSocket(SocketType.PULL), collector, 60));
                Peer<Void> streamer = publish(published)) {
            StreamTableEnvironment sql = sql();
            sql.executeSql(table("cams", published, "sub"));
            sql.executeSql("CREATE TABLE results (fno BIGINT, ftime TIMESTAMP_LTZ(3), meta STRING, jpeg BYTES) "
                    + "WITH ('connector' = 'zeromq', 'endpoint' = '" + collector + "', 'pattern' = 'push')");
            // Every other row of cam-a has a meta that is not JSON: it is skipped and counted, the rest go out.
            TableResult insert = sql.executeSql("INSERT INTO results SELECT fno, ftime, CASE WHEN fno % 4 = 0 THEN "
                    + "'not json' ELSE JSON_OBJECT('from' VALUE `stream`) END, jpeg FROM cams WHERE `stream` = 'cam-a'");
            insert.await();

            List<Frame> frames = collected.result(30);
            assertThat(frames).extracting(Frame::fno).as("cam-a's frames with a meta, then STOPSTREAM")
                    .containsExactlyElementsOf(LongStream.range(0, FRAMES).filter(n -> n % 4 == 2).boxed().toList());
            assertThat(TestCluster.counter(METRICS, insert.getJobClient().orElseThrow().getJobID(), "numRecordsOutErrors"))
                    .as("rows that could not be sent").isEqualTo(FRAMES / 4);
            for (Frame frame : frames) {
                assertThat(frame.meta()).isEqualTo(Map.of("from", "cam-a"));
                assertThat(frame.eventTimeMillis()).isEqualTo(captureMillis(frame.fno()));
                assertThat(frame.jpeg()).isEqualTo(JPEG);
            }
            streamer.result(10);
        }
    }

    @Test
    void aReqTableAsksADistributorForItsTrackAgainWhenItHasNothingAndEndsWithTheStream() throws Exception {
        assertThat(queryTrack("detect")).extracting(row -> row.getField(0))
                .as("every frame once, whichever requester took it")
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, FRAMES).boxed().toList());
    }

    @Test
    void aReqTableOfATrackTheDistributorDoesNotServeFailsTheQueryNamingIt() {
        assertThatThrownBy(() -> queryTrack("faces")).hasStackTraceContaining("does not serve track 'faces'");
    }

    /** The frame numbers a req table of {@code track} reads from a distributor of the track "detect". */
    private static List<Row> queryTrack(String track) throws Exception {
        String distributor = Ports.freeAddress();
        try (Peer<Void> rep = serve(distributor, "detect")) {
            try {
                StreamTableEnvironment sql = sql();
                sql.executeSql("CREATE TABLE track (fno BIGINT) WITH ('connector' = 'zeromq', 'endpoint' = '"
                        + distributor + "', 'pattern' = 'req', 'track' = '" + track + "')");
                return collect(sql.executeSql("SELECT fno FROM track"));
            } finally {
                // Also when the query failed: closing the peer's context while its thread waits in a receive
                // hung now and then (the test timed out); it ends by itself a second after the last request.
                rep.result(30);
            }
        }
    }

    /**
     * A pystreaming distributor (REP) of one track: every other request gets "not available"
     * (FRAMEMISS), the others the frames in turn, then STOPSTREAM once, as pystreaming hands it out,
     * and FRAMEMISS after it; any other track gets TRACKMISS. Ends after a second without requests
     * once the stream has ended or a track it does not serve was asked for, or after a minute of silence.
     */
    private static Peer<Void> serve(String address, String served) {
        return Peer.start(context -> {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            rep.setReceiveTimeOut(60_000);
            rep.bind(address);
            PyStreamingWire wire = new PyStreamingWire();
            long next = 0;
            boolean ended = false;
            for (int request = 0; request < 1000; request++) {
                String track = rep.recvStr();
                if (track == null) {
                    break;
                } else if (!track.equals(served)) {
                    Peer.send(rep, PyStreamingWire.trackMiss());
                    rep.setReceiveTimeOut(1000); // the query fails: no more requests will come
                } else if (request % 2 == 0 || ended) {
                    Peer.send(rep, PyStreamingWire.frameMiss());
                } else if (next < FRAMES) {
                    Peer.send(rep, wire.encode(Frame.encoded(served, next, captureMillis(next) / 1000.0, null, JPEG)));
                    next++;
                } else {
                    Peer.send(rep, wire.encode(Frame.encoded(served, PyStreamingWire.STOPSTREAM, START_SECONDS + 2, null,
                            JPEG)));
                    ended = true;
                    rep.setReceiveTimeOut(1000);
                }
            }
            return null;
        });
    }

    @Test
    void imagezmqSendersReadByAHubTableAreRowsOfTheSendersStream() throws Exception {
        String hub = Ports.freeAddress();
        int images = 5;
        StreamTableEnvironment sql = sql();
        sql.executeSql("CREATE TABLE pis (`stream` STRING, fno BIGINT, jpeg BYTES) WITH ('connector' = 'zeromq', "
                + "'endpoint' = '" + hub + "', 'pattern' = 'rep', 'format' = 'imagezmq')");
        List<Row> rows = new ArrayList<>();
        // imagezmq's send_jpg: a REQ sends [{"msg": name}, JPEG] and waits for the hub's OK.
        try (CloseableIterator<Row> query = sql.executeSql("SELECT `stream`, fno, jpeg FROM pis").collect();
                Peer<Long> sender = Peer.start(context -> {
                    ZMQ.Socket req = context.createSocket(SocketType.REQ);
                    req.setReceiveTimeOut(60_000);
                    Peer.connect(req, hub);
                    byte[] header = "{\"msg\": \"pi-1\"}".getBytes(StandardCharsets.UTF_8);
                    long answered = 0;
                    for (int i = 0; i < images; i++) {
                        Peer.send(req, List.of(header, JPEG));
                        answered += "OK".equals(req.recvStr()) ? 1 : 0;
                    }
                    return answered;
                })) {
            for (int i = 0; i < images && query.hasNext(); i++) {
                rows.add(query.next());
            }
            assertThat(sender.result(30)).as("the hub's OKs").isEqualTo(images);
        }
        assertThat(rows).extracting(row -> row.getField(0)).containsOnly("pi-1");
        assertThat(rows).extracting(row -> row.getField(1)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(rows).allSatisfy(row -> assertThat((byte[]) row.getField(2)).isEqualTo(JPEG));
    }

    @Test
    void aTableThatDeclaresWhatAFrameHasNotIsRefusedWithTheColumnsItMayHave() {
        StreamTableEnvironment sql = sql();
        sql.executeSql("CREATE TABLE odd (`stream` STRING, colour STRING) WITH ('connector' = 'zeromq', "
                + "'endpoint' = 'tcp://127.0.0.1:5555', 'pattern' = 'sub')");
        assertThatThrownBy(() -> sql.executeSql("SELECT * FROM odd")).hasStackTraceContaining("'colour' is none of them")
                .hasStackTraceContaining("ftime TIMESTAMP_LTZ(3)");
        sql.executeSql("CREATE TABLE blind (`stream` STRING, fno BIGINT) WITH ('connector' = 'zeromq', "
                + "'endpoint' = 'tcp://127.0.0.1:5556', 'pattern' = 'push')");
        assertThatThrownBy(() -> sql.executeSql("INSERT INTO blind VALUES ('a', 1)"))
                .hasStackTraceContaining("needs the column jpeg BYTES");
        sql.executeSql("CREATE TABLE pushed (jpeg BYTES) WITH ('connector' = 'zeromq', "
                + "'endpoint' = 'tcp://127.0.0.1:5557', 'pattern' = 'pull', 'format' = 'imagezmq')");
        assertThatThrownBy(() -> sql.executeSql("SELECT * FROM pushed"))
                .satisfies(e -> assertThat(ExceptionUtils.stringifyException(e)).as("as written in SQL")
                        .containsAnyOf("in format imagezmq has pattern [rep, sub], not pull",
                                "in format imagezmq has pattern [sub, rep], not pull"));
    }

    @Test
    void aTableWrittenWithCurveReachesAPyzmqCollectorThatIsTheServerAndLetsItIn(@TempDir Path dir) throws Exception {
        String address = Ports.freeAddress();
        CurveCertificate.generate().write(dir, "query");
        Files.createDirectories(dir.resolve("clients"));
        Files.copy(dir.resolve("query.key"), dir.resolve("clients/query.key"));
        // A map-reduce Receiver in Python secured as pyzmq users do: PULL binds as the CURVE server, its
        // authenticator letting in the client keys of a directory.
        Process collector = Python.start(dir, Python.CURVE_SERVER + """
                import pickle
                ctx = zmq.Context()
                zmq.auth.create_certificates(d, 'collector')
                s = ctx.socket(zmq.PULL)
                auth = curve_server(ctx, s, 'collector')
                s.rcvtimeo = 30000
                s.bind('%s')
                print('listening', flush=True)
                fnos = []
                while True:
                    parts = s.recv_multipart()
                    fno = pickle.loads(parts[3])
                    if fno == -1:
                        break
                    fnos.append(fno)
                print('fno', ' '.join(map(str, fnos)), flush=True)
                s.close()
                auth.stop()
                ctx.term()
                """.formatted(address));
        try {
            BufferedReader printed = new BufferedReader(new InputStreamReader(collector.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(printed.readLine()).isEqualTo("listening");
            StreamTableEnvironment sql = sql();
            sql.executeSql("CREATE TABLE secured (fno BIGINT, jpeg BYTES) WITH ('connector' = 'zeromq', 'endpoint' = '"
                    + address + "', 'pattern' = 'push', 'curve.cert' = '" + dir.resolve("query.key_secret")
                    + "', 'curve.server' = '" + dir.resolve("collector.key") + "')");
            sql.executeSql("INSERT INTO secured VALUES (0, X'FFD8FFD9'), (1, X'FFD8FFD9'), (2, X'FFD8FFD9')").await();
            assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(printed.readLine()).as("every row, then the end of the stream").isEqualTo("fno 0 1 2");
        } finally {
            collector.destroyForcibly();
        }
    }

    @Test
    void curveOptionsThatDoNotFitTheEndpointAreRefusedSayingWhatIsMissing(@TempDir Path dir) throws Exception {
        CurveCertificate.generate().write(dir, "own");
        String own = dir.resolve("own.key_secret").toString();
        StreamTableEnvironment sql = sql();
        sql.executeSql("CREATE TABLE hub (jpeg BYTES) WITH ('connector' = 'zeromq', 'endpoint' = "
                + "'tcp://127.0.0.1:5558', 'pattern' = 'pull', 'curve.cert' = '" + own + "')");
        assertThatThrownBy(() -> sql.executeSql("SELECT * FROM hub")).hasStackTraceContaining(
                "tcp://127.0.0.1:5558 binds: with 'curve.cert' it needs 'curve.clients'");
        sql.executeSql("CREATE TABLE cam (jpeg BYTES) WITH ('connector' = 'zeromq', 'endpoint' = "
                + "'tcp://127.0.0.1:5559', 'pattern' = 'sub', 'curve.server' = '" + dir.resolve("own.key") + "')");
        assertThatThrownBy(() -> sql.executeSql("SELECT * FROM cam")).hasStackTraceContaining(
                "need 'curve.cert', this side's secret certificate");
        sql.executeSql("CREATE TABLE lost (jpeg BYTES) WITH ('connector' = 'zeromq', 'endpoint' = "
                + "'tcp://127.0.0.1:5560', 'pattern' = 'sub', 'curve.cert' = '" + dir.resolve("none.key_secret")
                + "', 'curve.server' = '" + dir.resolve("own.key") + "')");
        assertThatThrownBy(() -> sql.executeSql("SELECT * FROM lost")).hasStackTraceContaining("none.key_secret");
    }

    /** The rows of a query on the table {@code cams} of a publisher's frames, which ends with its stream. */
    private static List<Row> rowsOf(String query) throws Exception {
        String address = Ports.freeAddress();
        try (Peer<Void> streamer = publish(address)) {
            StreamTableEnvironment sql = sql();
            sql.executeSql(table("cams", address, "sub"));
            List<Row> rows = collect(sql.executeSql(query));
            streamer.result(10);
            return rows;
        }
    }

    private static StreamTableEnvironment sql() {
        StreamTableEnvironment sql = StreamTableEnvironment.create(StreamExecutionEnvironment.getExecutionEnvironment());
        sql.getConfig().set("table.local-time-zone", "UTC");
        return sql;
    }

    private static String table(String name, String address, String pattern) {
        return "CREATE TABLE " + name + " (`stream` STRING, fno BIGINT, ftime TIMESTAMP_LTZ(3), meta STRING, jpeg BYTES, "
                + "WATERMARK FOR ftime AS ftime - INTERVAL '0.5' SECOND) WITH ('connector' = 'zeromq', "
                + "'endpoint' = '" + address + "', 'pattern' = '" + pattern + "', 'format' = 'pystreaming')";
    }

    private static List<Row> collect(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
