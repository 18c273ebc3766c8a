package io.videostream.connector.zeromq.internal.reader;

import io.videostream.connector.zeromq.common.ZmqDeserializationSchema;
import io.videostream.connector.zeromq.source.split.ZmqSplit;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/** Emits records with the event time the schema reads from them. */
@Internal
final class ZmqRecordEmitter<T> implements RecordEmitter<T, T, ZmqSplit> {
    private final ZmqDeserializationSchema<T> schema;

    ZmqRecordEmitter(ZmqDeserializationSchema<T> schema) {
        this.schema = schema;
    }

    @Override
    public void emitRecord(T record, SourceOutput<T> output, ZmqSplit split) {
        long timestamp = schema.timestamp(record);
        if (timestamp == Long.MIN_VALUE) {
            output.collect(record);
        } else {
            output.collect(record, timestamp);
        }
    }
}
