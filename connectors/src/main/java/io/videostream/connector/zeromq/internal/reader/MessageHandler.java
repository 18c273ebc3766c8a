package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.MessageKind;
import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.internal.Multipart;
import io.videostream.connector.zeromq.internal.RateLimitedLog;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads received messages with the schema, for every pattern alike: data goes into the current
 * fetch, unreadable messages are counted and logged, and the caller learns what each message meant.
 */
@Internal
final class MessageHandler<T> {
    /** Most messages in one fetch. */
    static final int MAX_BATCH = 256;
    /** Most bytes in one fetch: with the fetcher's queue of batches, this bounds what a reader holds. */
    static final long MAX_BATCH_BYTES = 4 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final ZmqDeserializationSchema<T> schema;
    private final Counter errors;
    private final Counter bytesIn;
    private final RateLimitedLog errorLog = new RateLimitedLog(LOG, 10_000);
    private RecordsBySplits.Builder<T> batch;
    private int received;
    private long receivedBytes;

    MessageHandler(ZmqDeserializationSchema<T> schema, SourceReaderMetricGroup metrics) {
        this.schema = schema;
        this.errors = metrics.getNumRecordsInErrorsCounter();
        this.bytesIn = metrics.getIOMetricGroup().getNumBytesInCounter();
    }

    void startFetch(RecordsBySplits.Builder<T> batch) {
        this.batch = batch;
        this.received = 0;
        this.receivedBytes = 0;
    }

    /** The fetch holds as many messages or bytes as it may. */
    boolean batchFull() {
        return received >= MAX_BATCH || receivedBytes >= MAX_BATCH_BYTES;
    }

    /** REP: the schema's reply to a request taken (or refused). */
    List<byte[]> reply() {
        return schema.reply();
    }

    /**
     * Reads one message of a split.
     *
     * @return what it meant, or null when the schema could not read it (already counted and logged)
     */
    MessageKind handle(ZmqSplit split, List<byte[]> parts) {
        long size = Multipart.size(parts);
        bytesIn.inc(size);
        receivedBytes += size;
        received++;
        T record;
        try {
            record = schema.deserialize(parts, split.endpoint());
        } catch (Exception e) {
            errors.inc();
            errorLog.warn("Skipped an unreadable message of {} parts from {}: {}", parts.size(), split.endpoint(), e.getMessage());
            return null;
        }
        MessageKind kind = schema.kind(record);
        if (kind == MessageKind.DATA || kind == MessageKind.LAST_DATA) {
            batch.add(split, record);
        }
        return kind;
    }
}
