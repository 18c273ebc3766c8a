package io.videostream.connector.zeromq.common;

import org.apache.flink.annotation.PublicEvolving;

/** What a sink does when its send queue is full. */
@PublicEvolving
public enum FlowControl {
    /** Wait: back-pressure reaches Flink, nothing is dropped. */
    BLOCK,
    /** Drop the oldest queued message and count it: live video never stalls. */
    DROP_OLDEST
}
