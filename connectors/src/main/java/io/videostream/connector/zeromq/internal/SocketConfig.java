package io.videostream.connector.zeromq.internal;

import io.videostream.connector.zeromq.common.ZmqOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * What every socket of a source or sink is given, read from {@link ZmqOptions} and checked once,
 * when the source or sink is built: a bad value is an {@link IllegalArgumentException} naming the option.
 */
@Internal
public record SocketConfig(int receiveHwm, int sendHwm, long maxMessageSize, Duration reconnectInterval,
        Duration handshakeTimeout) implements Serializable {

    public SocketConfig {
        require(receiveHwm >= 0, ZmqOptions.RECEIVE_HWM, receiveHwm, "must not be negative");
        require(sendHwm >= 0, ZmqOptions.SEND_HWM, sendHwm, "must not be negative");
        require(maxMessageSize >= 1, ZmqOptions.MAX_MESSAGE_SIZE, maxMessageSize, "must be at least 1 byte");
        requireMillis(reconnectInterval, ZmqOptions.RECONNECT_INTERVAL);
        requireMillis(handshakeTimeout, ZmqOptions.HANDSHAKE_TIMEOUT);
    }

    /** Reads the socket options. */
    public static SocketConfig from(ReadableConfig options) {
        return new SocketConfig(options.get(ZmqOptions.RECEIVE_HWM), options.get(ZmqOptions.SEND_HWM),
                options.get(ZmqOptions.MAX_MESSAGE_SIZE).getBytes(), options.get(ZmqOptions.RECONNECT_INTERVAL),
                options.get(ZmqOptions.HANDSHAKE_TIMEOUT));
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
