package io.videostream.formats.table;

import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.sink.ZmqSinkBuilder;
import io.videostream.connector.zeromq.source.ZmqSourceBuilder;

/**
 * A table's socket settings beyond its pattern and endpoint: the transport ({@code zeromq.transport},
 * null for the connector's default) and CURVE (null: plain).
 */
record TableSockets(ZmqTransport transport, ZmqCurve curve) {
    <T> ZmqSourceBuilder<T> applyTo(ZmqSourceBuilder<T> builder) {
        return builder.setCurve(curve).set(ZmqOptions.TRANSPORT, transport);
    }

    <T> ZmqSinkBuilder<T> applyTo(ZmqSinkBuilder<T> builder) {
        return builder.setCurve(curve).set(ZmqOptions.TRANSPORT, transport);
    }
}
