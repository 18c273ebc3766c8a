package io.videostream.connector.zeromq.internal.writer;

import io.videostream.connector.zeromq.common.ZmqSerializationSchema;
import io.videostream.connector.zeromq.internal.ZmqSinkConfig;
import io.videostream.connector.zeromq.internal.socket.SocketKind;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * REP distributor, as pystreaming's: every record goes into every track's bounded queue; a request
 * (one part, the track name) is answered with the newest queued message of that track, the schema's
 * "not available" reply when the queue is empty, its "unknown track" reply for a track not served,
 * and once the input has ended and the queue is empty, the end-of-stream marker.
 */
@Internal
final class DistributorLoop extends SocketLoop {
    private final Map<String, BoundedQueue> tracks = new LinkedHashMap<>();
    private final ZmqSerializationSchema<?> schema;
    private volatile List<byte[]> endOfStream;
    /** A reply ZeroMQ had no room for yet, sent again before the next request is read. */
    private List<byte[]> reply;
    private boolean replyIsRecord;

    DistributorLoop(ZmqSinkConfig config, ZmqSerializationSchema<?> schema, SinkWriterMetricGroup metrics,
            String name) {
        super(SocketKind.REP, config, metrics, name);
        this.schema = schema;
        Counter dropped = metrics.counter("droppedMessages");
        for (String track : config.tracks()) {
            BoundedQueue queue = new BoundedQueue(config.queueCapacity(), config.flowControl(), dropped);
            tracks.put(track, queue);
            metrics.addGroup("track", track).gauge("queueDepth", queue::size);
        }
    }

    @Override
    public void offer(List<byte[]> message) throws InterruptedException {
        for (BoundedQueue queue : tracks.values()) {
            queue.put(message, this::running);
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
    void step() {
        if (reply == null) {
            List<byte[]> request = socket.receive(false);
            if (request == null) {
                return;
            }
            answer(new String(request.get(0), StandardCharsets.UTF_8));
        }
        // REP must answer before it may take the next request: a reply without room is sent again.
        if (send(reply, replyIsRecord)) {
            reply = null;
        }
    }

    private void answer(String track) {
        BoundedQueue queue = tracks.get(track);
        List<byte[]> frame = queue == null ? null : queue.pollNewest();
        replyIsRecord = frame != null;
        if (frame != null) {
            reply = frame;
        } else if (queue == null) {
            reply = schema.unknownTrack(track);
        } else if (finishing && endOfStream != null) {
            reply = endOfStream;
        } else {
            reply = schema.notAvailable(track);
        }
    }

    @Override
    boolean drained() {
        return tracks.values().stream().allMatch(q -> q.size() == 0);
    }
}
