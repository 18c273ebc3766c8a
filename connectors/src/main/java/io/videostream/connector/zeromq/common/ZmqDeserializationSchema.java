package io.videostream.connector.zeromq.common;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/**
 * Turns a received multipart message into a record and says what the record means.
 *
 * <p>Runs in the source's fetcher thread. A message it cannot read is answered by throwing: the
 * source counts it ({@code numRecordsInErrors}), logs the reason at a limited rate and goes on.
 */
@PublicEvolving
public interface ZmqDeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

    /**
     * @param parts the message's frames, in order
     * @param origin the endpoint it came from (a format without stream names on the wire may name
     *     the stream after it)
     */
    T deserialize(List<byte[]> parts, ZmqEndpoint origin) throws IOException;

    /** What the record means; everything is {@link MessageKind#DATA} unless the format has control messages. */
    default MessageKind kind(T record) {
        return MessageKind.DATA;
    }

    /**
     * REP pattern: the reply to a request once it is taken, or refused as unreadable (the peer waits
     * for one either way). An empty message unless the format says otherwise.
     */
    default List<byte[]> reply() {
        return List.of(new byte[0]);
    }

    /** The record's event time in epoch milliseconds, or {@link Long#MIN_VALUE} when it has none. */
    default long timestamp(T record) {
        return Long.MIN_VALUE;
    }
}
