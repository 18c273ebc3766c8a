package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.connector.zeromq.internal.RateLimitedLog;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributor, as pystreaming's: every record goes into every track's bounded queue; a request
 * (a REQ peer's one part, the track name) is answered with a queued message of that track (the newest
 * when the queue drops, as pystreaming's, the oldest when it blocks: {@link BoundedQueue#pollForRequest}),
 * the schema's "unknown track" reply for a track not served, and once the input has ended and the
 * queue is empty, the end-of-stream marker. Unlike pystreaming's REP, which answers "not available"
 * at once when the queue is empty (and the worker asks again after a pause), a ROUTER holds such a
 * request and answers it the moment a message comes, or "not available" after
 * {@code zeromq.distributor.hold} (200 ms): a frame leaves as soon as it is made, and idle workers do
 * not ask hundreds of times a second. REQ peers see the same answers (later, when there was
 * nothing); requests are served in the order they came, several workers at once. A frame for a
 * worker that has gone meanwhile goes to the next request instead (the ROUTER is mandatory: it says
 * when a peer is gone). A request that is not a REQ peer's is counted ({@code badRequests}) and
 * logged, never answered.
 */
@Internal
final class DistributorLoop extends SocketLoop {
    private static final int MAX_REQUESTS_PER_STEP = 64;
    /** How long the loop waits for a message while it holds requests, before it reads the socket again. */
    private static final long HELD_WAIT_MILLIS = 10;
    /** The most requests held at once: more (a peer flooding requests) are answered at once, as by a REP. */
    static final int MAX_HELD = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DistributorLoop.class);

    /** A request waiting for its track's next message: its envelope, to answer it, and since when. */
    private record Held(List<byte[]> envelope, long sinceNanos) {}

    private final Map<String, BoundedQueue> tracks = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Held>> waiting = new LinkedHashMap<>();
    private final ZmqSerializationSchema<?> schema;
    /** Notified, and the flag set under it, when a message is offered. */
    private final Object offered = new Object();
    private boolean offeredSinceLook;
    private final Counter badRequests;
    private final RateLimitedLog badRequestLog = new RateLimitedLog(LOG, 10_000);
    private final long holdNanos;
    private volatile List<byte[]> endOfStream;
    private int held;

    DistributorLoop(ZmqSinkConfig config, ZmqSerializationSchema<?> schema, SinkWriterMetricGroup metrics,
            String name) {
        super(SocketKind.ROUTER, config, metrics, name);
        this.schema = schema;
        this.holdNanos = config.hold().toNanos();
        this.badRequests = metrics.counter("badRequests");
        Counter dropped = metrics.counter("droppedMessages");
        for (String track : config.tracks()) {
            BoundedQueue queue = new BoundedQueue(config.queueCapacity(), config.flowControl(), dropped);
            tracks.put(track, queue);
            waiting.put(track, new ArrayDeque<>());
            metrics.addGroup("track", track).gauge("queueDepth", queue::size);
        }
    }

    @Override
    public void offer(List<byte[]> message) throws InterruptedException {
        for (BoundedQueue queue : tracks.values()) {
            queue.put(message, this::running);
        }
        synchronized (offered) {
            offeredSinceLook = true;
            offered.notifyAll();
        }
    }

    @Override
    public void finish(List<byte[]> endOfStream) throws InterruptedException {
        this.endOfStream = endOfStream;
        super.finish(endOfStream);
        // Keep answering (the end-of-stream marker, now) so every requester learns that the stream ended.
        long deadline = System.nanoTime() + linger().toNanos();
        while (running() && System.nanoTime() < deadline) {
            Thread.sleep(STEP_MILLIS);
        }
    }

    @Override
    void step() throws InterruptedException {
        // With requests held, a new message must go out at once: the socket is only looked at, and the
        // loop waits for messages instead, woken by each one; new requests are read when it wakes (a
        // message, or HELD_WAIT_MILLIS without one: they would be held anyway).
        for (int i = 0; i < MAX_REQUESTS_PER_STEP; i++) {
            List<byte[]> request = socket.receive(held > 0);
            if (request == null) {
                break;
            }
            take(request);
        }
        if (held > 0) {
            synchronized (offered) {
                offeredSinceLook = false;
            }
            if (!answerHeld()) {
                synchronized (offered) {
                    if (!offeredSinceLook) {
                        offered.wait(HELD_WAIT_MILLIS);
                    }
                }
            }
        }
    }

    /**
     * Holds a request, and answers it now if it can. A REQ peer's request is its envelope (the routing
     * id, a request id if the peer correlates its requests, an empty delimiter), to be echoed in the
     * reply, and one part, the track's name.
     */
    private void take(List<byte[]> request) {
        int delimiter = 1;
        while (delimiter < request.size() && request.get(delimiter).length != 0) {
            delimiter++;
        }
        if (delimiter != request.size() - 2) {
            badRequests.inc();
            badRequestLog.warn("Ignored a message that is no REQ peer's request ({} parts; a request is an envelope "
                    + "ending in an empty part, then the track's name)", request.size());
            return;
        }
        List<byte[]> envelope = List.copyOf(request.subList(0, delimiter + 1));
        String track = new String(request.get(delimiter + 1), StandardCharsets.UTF_8);
        if (!tracks.containsKey(track)) {
            reply(envelope, schema.unknownTrack(track), false);
            return;
        }
        if (held >= MAX_HELD) {
            BoundedQueue queue = tracks.get(track);
            List<byte[]> message = queue.pollForRequest();
            if (message == null) {
                reply(envelope, schema.notAvailable(track), false);
            } else if (!reply(envelope, message, true)) {
                queue.putBack(message);
            }
            return;
        }
        waiting.get(track).addLast(new Held(envelope, System.nanoTime()));
        held++;
        answerHeld();
    }

    /**
     * Answers the held requests that can be: with a message, the end of stream, or "not available"
     * once they waited long enough; false if none could.
     */
    private boolean answerHeld() {
        boolean answered = false;
        long now = System.nanoTime();
        for (Map.Entry<String, ArrayDeque<Held>> track : waiting.entrySet()) {
            ArrayDeque<Held> requests = track.getValue();
            BoundedQueue queue = tracks.get(track.getKey());
            while (!requests.isEmpty()) {
                Held oldest = requests.peekFirst();
                List<byte[]> message = queue.pollForRequest();
                if (message != null) {
                    if (!reply(oldest.envelope(), message, true)) {
                        queue.putBack(message); // its worker is gone: the frame goes to the next one
                    }
                } else if (finishing && endOfStream != null) {
                    reply(oldest.envelope(), endOfStream, false);
                } else if (now - oldest.sinceNanos() >= holdNanos) {
                    reply(oldest.envelope(), schema.notAvailable(track.getKey()), false);
                } else {
                    break;
                }
                requests.pollFirst();
                held--;
                answered = true;
            }
        }
        return answered;
    }

    /** Sends a reply to a REQ peer; false if the peer is gone (or does not read its answers). */
    private boolean reply(List<byte[]> envelope, List<byte[]> message, boolean isRecord) {
        List<byte[]> parts = new ArrayList<>(envelope.size() + message.size());
        parts.addAll(envelope);
        parts.addAll(message);
        return send(parts, isRecord);
    }

    @Override
    boolean drained() {
        return tracks.values().stream().allMatch(q -> q.size() == 0);
    }
}
