package io.videostream.connector.zeromq.source;

import org.apache.flink.annotation.PublicEvolving;

/** How a ZeroMQ source takes messages from an endpoint. */
@PublicEvolving
public enum ZmqSourcePattern {
    /** Subscribe to everything a publisher sends. */
    SUB,
    /** Pull from pushers: bind as a collector, or connect. */
    PULL,
    /** Ask a distributor (a REP socket) for a named track, several requests in flight. */
    REQ,
    /**
     * A hub: each message is a request, answered with the schema's reply once it is taken, so senders
     * (REQ sockets, as imagezmq's) are paced by the job: back-pressure reaches them.
     */
    REP
}
