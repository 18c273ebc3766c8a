package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.ZmqEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.annotation.Internal;

/**
 * The endpoints whose stream a reader knows to have ended, shared by its fetcher thread (which sees
 * the end of stream on a split, or asks whether it ended) and its task thread (which is told by the
 * enumerator, and tells it what the fetcher saw).
 */
@Internal
final class EndedStreams {
    private final Set<ZmqEndpoint> ended = ConcurrentHashMap.newKeySet();
    private final Queue<ZmqEndpoint> toTell = new ConcurrentLinkedQueue<>();

    /** A split of this reader got the end of stream: the other readers are to be told. */
    void seen(ZmqEndpoint endpoint) {
        if (ended.add(endpoint)) {
            toTell.add(endpoint);
        }
    }

    /** Another reader got the end of stream. */
    void told(ZmqEndpoint endpoint) {
        ended.add(endpoint);
    }

    boolean hasEnded(ZmqEndpoint endpoint) {
        return ended.contains(endpoint);
    }

    /** The ends this reader saw and has not told yet. */
    List<ZmqEndpoint> takeToTell() {
        List<ZmqEndpoint> taken = new ArrayList<>();
        for (ZmqEndpoint endpoint; (endpoint = toTell.poll()) != null; ) {
            taken.add(endpoint);
        }
        return taken;
    }
}
