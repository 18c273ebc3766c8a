package io.videostream.connector.zeromq.common;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A ZeroMQ endpoint and which side of it a socket takes: {@code bind} (the stable side, e.g. a
 * publisher or a collector) or {@code connect}. Addresses are ZeroMQ's: {@code tcp://host:port},
 * {@code tcp://*:port} (bind on all interfaces), {@code ipc://path}, {@code inproc://name}.
 */
@PublicEvolving
public final class ZmqEndpoint implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String address;
    private final boolean bind;

    private ZmqEndpoint(String address, boolean bind) {
        this.address = Objects.requireNonNull(address, "address");
        if (!address.matches("(tcp|ipc|inproc)://.+")) {
            throw new IllegalArgumentException("not a ZeroMQ address (tcp://host:port, ipc://path): '" + address + "'");
        }
        this.bind = bind;
    }

    public static ZmqEndpoint bind(String address) {
        return new ZmqEndpoint(address, true);
    }

    public static ZmqEndpoint connect(String address) {
        return new ZmqEndpoint(address, false);
    }

    /**
     * Parses an endpoint as pystreaming reads one: the role of the socket decides whether a bare
     * address binds or connects (a Streamer binds {@code tcp://127.0.0.1:5555}, a Worker connects to
     * it); {@code bind:ADDRESS} and {@code connect:ADDRESS} override the role, and {@code tcp://*:PORT}
     * always binds (there is nothing to connect to).
     *
     * @param bindByDefault whether the socket's role binds
     */
    public static ZmqEndpoint parse(String text, boolean bindByDefault) {
        if (text.startsWith("bind:")) {
            return bind(text.substring("bind:".length()));
        }
        if (text.startsWith("connect:")) {
            return connect(text.substring("connect:".length()));
        }
        return bindByDefault || text.startsWith("tcp://*:") ? bind(text) : connect(text);
    }

    public String address() {
        return address;
    }

    public boolean isBind() {
        return bind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZmqEndpoint e && bind == e.bind && address.equals(e.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, bind);
    }

    @Override
    public String toString() {
        return (bind ? "bind:" : "connect:") + address;
    }
}
