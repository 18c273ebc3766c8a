package io.videostream.connector.zeromq.sink;

import org.apache.flink.annotation.PublicEvolving;

/** How a ZeroMQ sink hands messages on. */
@PublicEvolving
public enum ZmqSinkPattern {
    /** Publish to every subscriber. */
    PUB,
    /** Push to a collector (or to pullers, round-robin). */
    PUSH,
    /**
     * Serve REQ clients as a distributor: one bounded queue per track, answered on request (pystreaming's
     * REP distributor; the socket is a ROUTER, which holds a request until its track has a message).
     */
    REP
}
