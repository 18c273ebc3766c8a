package io.videostream.connector.zeromq;

import io.videostream.connector.zeromq.common.ZmqTransport;

/**
 * The transport the connector's ITCases run on: jeromq, unless the build's second run of them sets
 * the system property {@value #PROPERTY} (LIBZMQ).
 */
public final class TestTransport {
    static final String PROPERTY = "zeromq.test.transport";

    private TestTransport() {}

    public static ZmqTransport current() {
        return ZmqTransport.valueOf(System.getProperty(PROPERTY, ZmqTransport.JEROMQ.name()));
    }
}
