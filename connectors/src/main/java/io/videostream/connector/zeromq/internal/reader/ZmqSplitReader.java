package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.internal.SocketMetrics;
import io.videostream.connector.zeromq.internal.ZmqSourceConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import io.videostream.connector.zeromq.internal.socket.SocketPoller;
import io.videostream.connector.zeromq.internal.socket.SocketSession;
import io.videostream.connector.zeromq.internal.socket.ZmqSocket;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

/**
 * Owns the sockets of all splits of one reader and polls them together in the fetcher thread. Each
 * {@link #fetch()} waits at most {@value #POLL_MILLIS} ms for a first message and returns it with all
 * that had arrived by the time it was read.
 */
@Internal
public final class ZmqSplitReader<T> implements SplitReader<T, ZmqSplit> {
    static final long POLL_MILLIS = 50;

    private final ZmqSourceConfig config;
    private final MessageHandler<T> handler;
    private final SocketMetrics socketMetrics;
    private final AtomicInteger requestsInFlight;
    private final EndedStreams endedStreams;
    private final SocketSession session;
    private final Map<String, SplitConnection> connections = new LinkedHashMap<>();
    private SocketPoller poller;
    private final List<SplitConnection> polledConnections = new ArrayList<>();
    private final List<ZmqSocket> polledSockets = new ArrayList<>();

    ZmqSplitReader(ZmqSourceConfig config, MessageHandler<T> handler, SocketMetrics socketMetrics,
            AtomicInteger requestsInFlight, EndedStreams endedStreams) {
        this.config = config;
        this.handler = handler;
        this.socketMetrics = socketMetrics;
        this.requestsInFlight = requestsInFlight;
        this.endedStreams = endedStreams;
        this.session = SocketSession.open(config.sockets());
    }

    @Override
    public RecordsWithSplitIds<T> fetch() {
        session.checkAlive();
        RecordsBySplits.Builder<T> batch = new RecordsBySplits.Builder<>();
        handler.startFetch(batch);
        long wait = POLL_MILLIS;
        long now = System.nanoTime();
        for (SplitConnection connection : connections.values()) {
            wait = Math.min(wait, connection.tick(now));
            if (connection.takeSocketsChanged()) {
                closePoller();
            }
        }
        if (poller == null) {
            buildPoller();
        }
        // Wait for the first message, then take what else is there already (each readable socket is
        // read until it has nothing more, up to a batch): handing a batch to the task costs a thread
        // switch, which a busy stream would otherwise pay per message, and waiting for more would hold
        // a live stream's every frame back. No second poll: it would find little the reads left.
        readReadySockets(wait);
        for (Iterator<SplitConnection> it = connections.values().iterator(); it.hasNext(); ) {
            SplitConnection connection = it.next();
            if (connection.isFinished()) {
                batch.addFinishedSplit(connection.split.splitId());
                connection.close();
                it.remove();
                closePoller();
            }
        }
        return batch.build();
    }

    /** Polls up to {@code wait} ms and reads every readable socket. */
    private void readReadySockets(long wait) {
        if (!poller.poll(wait)) {
            return;
        }
        for (int i = 0; i < polledConnections.size(); i++) {
            SplitConnection connection = polledConnections.get(i);
            if (poller.readable(i) && !connection.isFinished()) {
                connection.read(polledSockets.get(i));
            }
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<ZmqSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("unsupported splits change: " + change);
        }
        for (ZmqSplit split : change.splits()) {
            connections.put(split.splitId(), open(split));
        }
        closePoller();
    }

    private SplitConnection open(ZmqSplit split) {
        switch (config.pattern()) {
            case SUB:
                return new StreamConnection(session, SocketKind.SUB, split, handler, socketMetrics);
            case PULL:
                return new StreamConnection(session, SocketKind.PULL, split, handler, socketMetrics);
            case REP:
                return new StreamConnection(session, SocketKind.REP, split, handler, socketMetrics);
            case REQ:
                return new RequestConnection(session, split, config, handler, socketMetrics, requestsInFlight,
                        endedStreams);
            default:
                throw new IllegalArgumentException("unknown pattern " + config.pattern());
        }
    }

    private void buildPoller() {
        polledConnections.clear();
        polledSockets.clear();
        for (SplitConnection connection : connections.values()) {
            for (ZmqSocket socket : connection.sockets()) {
                polledSockets.add(socket);
                polledConnections.add(connection);
            }
        }
        poller = session.poller(polledSockets);
    }

    private void closePoller() {
        if (poller != null) {
            poller.close();
            poller = null;
        }
    }

    @Override
    public void wakeUp() {
        // fetch() returns within POLL_MILLIS by itself
    }

    @Override
    public void close() {
        closePoller();
        connections.values().forEach(SplitConnection::close);
        connections.clear();
        session.close();
    }
}
