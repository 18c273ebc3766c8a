package io.videostream.connector.zeromq.internal.socket;

import org.apache.flink.annotation.Internal;

/** The ZeroMQ socket types the connector's patterns use (ROUTER: the distributor, which REQ peers ask). */
@Internal
public enum SocketKind {
    PUB, SUB, PUSH, PULL, REQ, REP, ROUTER
}
