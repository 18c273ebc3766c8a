package io.videostream.formats;

import io.videostream.codec.Frame;
import io.videostream.codec.TestImages;
import io.videostream.codec.wire.PyStreamingWire;
import io.videostream.connector.zeromq.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A worker's results as a test publishes them: a worker of two named streams (cam-a: even frame
 * numbers, cam-b: odd) running the people processor, {@value #FRAMES} frames at 20 a second from a
 * whole second on, frame n with n mod 3 people boxes in its meta, then STOPSTREAM.
 */
public final class TwoCameraWorker {
    public static final int FRAMES = 40;
    public static final long START_SECONDS = 1_700_000_000L;
    public static final byte[] JPEG = TestImages.fixture("a_p2p_pub_fno0", "part0_buf.bin");

    /** README's query: frames and people per stream and second of capture time, from a table {@code results}. */
    public static final String PEOPLE_PER_SECOND = """
            SELECT window_start, `stream`, COUNT(*) AS frames,
                   SUM(CARDINALITY(JSON_QUERY(meta, '$.people' RETURNING ARRAY<STRING>))) AS people
            FROM TABLE(TUMBLE(TABLE results, DESCRIPTOR(ftime), INTERVAL '1' SECOND))
            GROUP BY window_start, window_end, `stream`;
            """;

    /**
     * What {@link #PEOPLE_PER_SECOND} prints in the SQL client's tableau form (in UTC, blanks squeezed):
     * 10 frames a second per stream; cam-a's frames have 0, 2, 1, 0, ... people, cam-b's 1, 0, 2, ...
     */
    public static final List<String> PEOPLE_PER_SECOND_ROWS = List.of(
            "| +I | 2023-11-14 22:13:20.000 | cam-a | 10 | 9 |",
            "| +I | 2023-11-14 22:13:20.000 | cam-b | 10 | 10 |",
            "| +I | 2023-11-14 22:13:21.000 | cam-a | 10 | 11 |",
            "| +I | 2023-11-14 22:13:21.000 | cam-b | 10 | 9 |");

    private TwoCameraWorker() {}

    /** The rows a SQL client printed in the tableau form, blanks squeezed. */
    public static List<String> printedRows(String printed) {
        return printed.lines().filter(line -> line.startsWith("| +I |")).map(line -> line.replaceAll(" +", " ")).toList();
    }

    public static String streamOf(long fno) {
        return fno % 2 == 0 ? "cam-a" : "cam-b";
    }

    /** The capture time of frame {@code fno}, in epoch milliseconds. */
    public static long captureMillis(long fno) {
        return START_SECONDS * 1000 + fno * 50;
    }

    /** Frame n's meta, as a worker of several streams with the people processor sends it. */
    public static Map<String, Object> meta(long fno) {
        List<List<Long>> boxes = new ArrayList<>();
        for (long i = 0; i < fno % 3; i++) {
            boxes.add(List.of(10 * i, 20L, 30L, 60L));
        }
        return Map.of("stream", streamOf(fno), "people", boxes);
    }

    /** Publishes the frames once a subscriber is there (XPUB), then STOPSTREAM. */
    public static Peer<Void> publish(String address) {
        return Peer.start(context -> {
            ZMQ.Socket pub = context.createSocket(SocketType.XPUB);
            pub.bind(address);
            pub.setReceiveTimeOut(60_000);
            pub.recv(0);
            PyStreamingWire wire = new PyStreamingWire();
            for (long fno = 0; fno < FRAMES; fno++) {
                Peer.send(pub, wire.encode(Frame.encoded("worker", fno, captureMillis(fno) / 1000.0, meta(fno), JPEG)));
            }
            Peer.send(pub, wire.encode(Frame.encoded("worker", PyStreamingWire.STOPSTREAM, START_SECONDS + 2, null, JPEG)));
            Thread.sleep(500);
            return null;
        });
    }
}
