package io.videostream.connector.zeromq.common;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Turns a record into a multipart message, and provides the control messages a sink sends on its
 * own: the end-of-stream marker, and the distributor's replies when it has no record to give.
 */
@PublicEvolving
public interface ZmqSerializationSchema<T> extends Serializable {

    List<byte[]> serialize(T record);

    /** The message that ends the stream, sent when a bounded input finishes; null when the format has none. */
    default List<byte[]> endOfStream() {
        return null;
    }

    /** A distributor's reply when the requested track has nothing queued. */
    default List<byte[]> notAvailable(String track) {
        throw new UnsupportedOperationException(getClass().getName() + " has no 'not available' reply for a distributor");
    }

    /** A distributor's reply to a request for a track it does not serve. */
    default List<byte[]> unknownTrack(String track) {
        throw new UnsupportedOperationException(getClass().getName() + " has no 'unknown track' reply for a distributor");
    }
}
