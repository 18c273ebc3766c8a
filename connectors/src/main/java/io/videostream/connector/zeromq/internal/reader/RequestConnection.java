package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.ZmqSourceConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import io.videostream.connector.zeromq.internal.socket.SocketSession;
import io.videostream.connector.zeromq.internal.socket.ZmqSocket;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.annotation.Internal;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REQ: asks a distributor for a track with several requests in flight, like pystreaming's Worker.
 * An empty queue (not available) is asked again after a pause; an unknown track fails the job without
 * restarts (asking again would not help). A request the distributor does not answer (it is not up
 * yet, or it went away with the request) is asked again after a timeout on a new REQ socket, as
 * ZeroMQ's "lazy pirate": asked again on the same socket, the first request would still go out when
 * the distributor comes up, and the frame it took would be answered to a request given up (one frame
 * lost per timeout, measured). The timeout counts only the time the reader spent waiting for answers:
 * while the job is busy and the fetcher waits to hand over what it has, answers wait in the sockets,
 * and they are read, not asked for again.
 *
 * <p>While the distributor has no frame, at most {@value #ASKING_WHILE_EMPTY} requesters keep asking
 * (pystreaming's default {@code reqthread}); the others wait until one of them is answered a frame. A
 * distributor that answers "not available" at once (pystreaming's) is asked no more often than by a
 * pystreaming Worker while its queue is empty, and all requests are out again as soon as frames come.
 *
 * <p>The split ends when each of its requesters has learned that the stream ended: replies to the
 * other requests in flight may still carry frames. Once the end is known (this split was answered the
 * end of stream, or another reader of the endpoint was, see {@link EndedStreams}), "not available"
 * and an unanswered request end a requester too: pystreaming's distributor hands the end out once,
 * like a frame, answers "not available" after it, and goes away a second later.
 */
@Internal
final class RequestConnection extends SplitConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RequestConnection.class);
    /** The most that counts as waiting between two runs of the timers: two of the reader's polls. */
    private static final long MAX_WAIT_BETWEEN_RUNS_NANOS = 2 * ZmqSplitReader.POLL_MILLIS * 1_000_000;
    /** How many requesters keep asking a distributor that has no frame. */
    static final int ASKING_WHILE_EMPTY = 3;

    private final String track;
    private final List<byte[]> request;
    private final long retryPauseNanos;
    private final long timeoutNanos;
    private final AtomicInteger inFlight;
    private final SocketSession session;
    private final SocketMetrics metrics;
    private final EndedStreams endedStreams;
    private final List<Requester> requesters = new ArrayList<>();
    private final List<ZmqSocket> sockets = new ArrayList<>();
    /** When the timers last ran, or -1. */
    private long lastTimersRun = -1;
    /** Whether the requests going unanswered were logged since the distributor last answered. */
    private boolean unansweredLogged;

    /** One REQ socket and where its request stands. */
    private final class Requester {
        ZmqSocket socket;
        boolean waiting;
        /** How long the reader has waited for the answer to the request in flight. */
        long waitedNanos;
        long retryAt = -1;
        /** Whether the socket had made a connection when the request was asked. */
        boolean connectedWhenAsked;
        /** One of those that keep asking while the distributor has no frame. */
        boolean polling;
        /** Not asking until another requester is answered a frame. */
        boolean parked;
        boolean ended;

        Requester() {
            socket = session.open(SocketKind.REQ, split.endpoint(), metrics);
        }

        void ask() {
            if (!waiting) {
                inFlight.incrementAndGet();
            }
            waiting = true;
            waitedNanos = 0;
            retryAt = -1;
            parked = false;
            connectedWhenAsked = socket.connectionsMade() > 0;
            socket.send(request);
        }

        /** Gives the unanswered request up with its socket, and asks again on a new one. */
        void askAnew() {
            int index = sockets.indexOf(socket);
            socket.close(Duration.ZERO);
            socket = session.open(SocketKind.REQ, split.endpoint(), metrics);
            sockets.set(index, socket);
            socketsChanged();
            ask();
        }

        void answered() {
            if (waiting) {
                inFlight.decrementAndGet();
            }
            waiting = false;
        }

        boolean timedOut() {
            return waiting && waitedNanos >= timeoutNanos;
        }
    }

    RequestConnection(SocketSession session, ZmqSplit split, ZmqSourceConfig config, MessageHandler<?> handler,
            SocketMetrics metrics, AtomicInteger inFlight, EndedStreams endedStreams) {
        super(split, handler);
        this.track = config.track();
        this.request = List.of(track.getBytes(StandardCharsets.UTF_8));
        this.retryPauseNanos = config.retryPause().toNanos();
        this.timeoutNanos = config.requestTimeout().toNanos();
        this.inFlight = inFlight;
        this.session = session;
        this.metrics = metrics;
        this.endedStreams = endedStreams;
        for (int i = 0; i < config.requestsInFlight(); i++) {
            Requester requester = new Requester();
            requesters.add(requester);
            sockets.add(requester.socket);
            requester.ask();
        }
    }

    @Override
    List<ZmqSocket> sockets() {
        return sockets;
    }

    @Override
    void read(ZmqSocket readable) {
        Requester requester = requesters.get(sockets.indexOf(readable)); // one per socket, in the same order
        List<byte[]> reply = readable.receive(true);
        if (reply == null) {
            return;
        }
        requester.answered();
        unansweredLogged = false;
        MessageKind kind = handler.handle(split, reply);
        if (kind == MessageKind.LAST_DATA) {
            finish(); // replies to the other requests in flight are not wanted
        } else if (kind == MessageKind.END_OF_STREAM) {
            endedStreams.seen(split.endpoint());
            end(requester);
        } else if (kind == MessageKind.UNKNOWN_TRACK) {
            // Asking again would get the same answer: the job fails for good rather than restart.
            throw new SuppressRestartsException(new IllegalStateException("the distributor at "
                    + split.endpoint().address() + " does not serve track '" + track + "'"));
        } else if (kind == MessageKind.NOT_AVAILABLE && streamEnded()) {
            end(requester); // the queue is empty and no frame will join it
        } else if (kind == MessageKind.NOT_AVAILABLE) {
            if (!requester.polling && requesters.stream().filter(r -> r.polling).count() >= ASKING_WHILE_EMPTY) {
                requester.parked = true;
            } else {
                requester.polling = true;
                requester.retryAt = System.nanoTime() + retryPauseNanos;
            }
        } else {
            for (Requester r : requesters) { // frames are coming: every requester asks
                r.polling = false;
                if (r.parked) {
                    r.ask();
                }
            }
            requester.ask();
        }
    }

    private boolean streamEnded() {
        return endedStreams.hasEnded(split.endpoint());
    }

    /**
     * One requester learned that the stream ended. The split ends when all have: the others may
     * still have frames on their way.
     */
    private void end(Requester requester) {
        requester.ended = true;
        if (requesters.stream().allMatch(r -> r.ended)) {
            finish();
        }
    }

    @Override
    long runTimers(long now) {
        // Between two runs the reader polled its sockets, unless it was away (handing a batch to a busy
        // job): that time is not waiting for the distributor, and counts as one poll at most.
        long waited = lastTimersRun < 0 ? 0 : Math.min(now - lastTimersRun, MAX_WAIT_BETWEEN_RUNS_NANOS);
        lastTimersRun = now;
        long next = Long.MAX_VALUE;
        boolean streamEnded = streamEnded();
        for (Requester r : requesters) {
            if (r.ended) {
                continue;
            }
            if (r.waiting && !r.connectedWhenAsked && r.socket.connectionsMade() > 0) {
                // The request waited in a new socket for its first connection and went out just now:
                // its answer has a whole timeout from here (giving up now could lose the frame it takes).
                r.connectedWhenAsked = true;
                r.waitedNanos = 0;
            } else if (r.waiting) {
                r.waitedNanos += waited;
            }
            if (streamEnded && (r.timedOut() || r.parked)) {
                r.answered(); // the stream ended and this request is not answered: the distributor is gone
                end(r);
                continue;
            }
            if (r.parked) {
                continue;
            }
            if (r.retryAt >= 0 && now >= r.retryAt) {
                r.ask();
            } else if (r.timedOut()) {
                if (!unansweredLogged) {
                    LOG.info("No answer from the distributor at {} for {} ms; asking again on new sockets every {} ms "
                            + "until it answers", split.endpoint().address(), timeoutNanos / 1_000_000,
                            timeoutNanos / 1_000_000);
                    unansweredLogged = true;
                }
                r.askAnew();
            }
            long dueIn = r.retryAt >= 0 ? r.retryAt - now : timeoutNanos - r.waitedNanos;
            next = Math.min(next, Math.max(0, dueIn / 1_000_000));
        }
        return next;
    }

    @Override
    public void close() {
        for (Requester r : requesters) {
            r.answered();
        }
        for (Requester r : requesters) {
            r.socket.close(Duration.ZERO);
        }
    }
}
