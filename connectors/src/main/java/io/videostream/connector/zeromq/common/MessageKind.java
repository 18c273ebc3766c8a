package io.videostream.connector.zeromq.common;

import org.apache.flink.annotation.PublicEvolving;

/**
 * What a received message means for the stream. Formats with control messages (pystreaming's
 * special frame numbers, say) tell the connector through their schema; plain formats only have data.
 */
@PublicEvolving
public enum MessageKind {
    /** A record to emit. */
    DATA,
    /** The last record to emit: the split finishes after it (a reader that takes N records, say). */
    LAST_DATA,
    /** The producer ended the stream: the split finishes. */
    END_OF_STREAM,
    /** A distributor had nothing for the requested track yet: ask again after a pause. */
    NOT_AVAILABLE,
    /** A distributor does not know the requested track: a configuration error that fails the job. */
    UNKNOWN_TRACK
}
