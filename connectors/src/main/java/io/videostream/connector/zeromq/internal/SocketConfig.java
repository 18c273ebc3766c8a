package io.videostream.connector.zeromq.internal;

import io.videostream.connector.zeromq.common.ZmqCurve;
import io.videostream.connector.zeromq.common.ZmqEndpoint;
import io.videostream.connector.zeromq.common.ZmqOptions;
import io.videostream.connector.zeromq.common.ZmqTransport;
import io.videostream.connector.zeromq.internal.libzmq.NativeZmq;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * What every socket of a source or sink is given, read from {@link ZmqOptions} and checked once,
 * when the source or sink is built: a bad value is an {@link IllegalArgumentException} naming the option.
 *
 * @param curve CURVE security for every socket, or null for plain sockets
 */
@Internal
public record SocketConfig(ZmqTransport transport, int receiveHwm, int sendHwm, long maxMessageSize,
        Duration reconnectInterval, Duration handshakeTimeout, ZmqCurve curve) implements Serializable {

    public SocketConfig {
        if (curve != null && transport != ZmqTransport.LIBZMQ) {
            throw new IllegalArgumentException("CURVE needs " + ZmqOptions.TRANSPORT.key() + " LIBZMQ, not " + transport
                    + ": jeromq 0.6.0 hands the application undecrypted CURVE messages once a receiver is full "
                    + "(jeromq issue 1009) and its CURVE costs ~12x the CPU of libzmq's");
        }
        require(receiveHwm >= 0, ZmqOptions.RECEIVE_HWM, receiveHwm, "must not be negative");
        require(sendHwm >= 0, ZmqOptions.SEND_HWM, sendHwm, "must not be negative");
        require(maxMessageSize >= 1, ZmqOptions.MAX_MESSAGE_SIZE, maxMessageSize, "must be at least 1 byte");
        requireMillis(reconnectInterval, ZmqOptions.RECONNECT_INTERVAL);
        requireMillis(handshakeTimeout, ZmqOptions.HANDSHAKE_TIMEOUT);
    }

    /**
     * Reads the socket options, with CURVE (or null) for these endpoints. Unset, the transport is jeromq
     * for plain sockets and libzmq with CURVE; either way, libzmq must load here when it is chosen.
     */
    public static SocketConfig from(ReadableConfig options, ZmqCurve curve, List<ZmqEndpoint> endpoints) {
        ZmqTransport transport = options.getOptional(ZmqOptions.TRANSPORT)
                .orElse(curve == null ? ZmqTransport.JEROMQ : ZmqTransport.LIBZMQ);
        SocketConfig config = new SocketConfig(transport, options.get(ZmqOptions.RECEIVE_HWM),
                options.get(ZmqOptions.SEND_HWM), options.get(ZmqOptions.MAX_MESSAGE_SIZE).getBytes(),
                options.get(ZmqOptions.RECONNECT_INTERVAL), options.get(ZmqOptions.HANDSHAKE_TIMEOUT), curve);
        if (curve != null) {
            curve.check(endpoints);
            if (!NativeZmq.hasCurve()) {
                throw new IllegalStateException("CURVE: this libzmq (" + NativeZmq.version() + ") was built without it");
            }
        } else if (transport == ZmqTransport.LIBZMQ) {
            NativeZmq.requireAvailable("ZeroMQ transport LIBZMQ");
        }
        return config;
    }

    /** Throws an {@link IllegalArgumentException} naming the option unless {@code valid}. */
    static void require(boolean valid, ConfigOption<?> option, Object value, String rule) {
        if (!valid) {
            throw new IllegalArgumentException("ZeroMQ option " + option.key() + " " + rule + ": " + value);
        }
    }

    /** A duration that ZeroMQ takes in milliseconds as an int. */
    static void requireMillis(Duration value, ConfigOption<Duration> option) {
        require(!value.isNegative() && value.toMillis() <= Integer.MAX_VALUE, option, value,
                "must be from 0 to " + Integer.MAX_VALUE + " ms");
    }
}
