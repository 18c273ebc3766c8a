package io.videostream.connector.zeromq.internal;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a socket's monitor saw, counted in {@link SocketMetrics} and logged at a bounded rate, the same
 * for either transport: connections that end, peers that come back, CURVE handshakes refused.
 */
@Internal
public final class ConnectionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    private final String description;
    private final SocketMetrics metrics;
    private final RateLimitedLog log = new RateLimitedLog(LOG, 10_000);
    private boolean lostPeer;
    private long made;

    public ConnectionEvents(String description, SocketMetrics metrics) {
        this.description = description;
        this.metrics = metrics;
    }

    /** A connection was made (either way). */
    public void connected(String address) {
        made++;
        if (lostPeer) {
            lostPeer = false;
            metrics.reconnects.inc();
            log.info("{}: peer at {} is back", description, address);
        }
    }

    /** How many connections were made so far. */
    public long made() {
        return made;
    }

    /** A connection ended. */
    public void disconnected(String address) {
        lostPeer = true;
        metrics.disconnects.inc();
        log.info("{}: a connection at {} ended: the peer left, or sent what ZeroMQ refuses (a message part over "
                + "zeromq.max-message-size, or not ZeroMQ at all)", description, address);
    }

    /** A CURVE handshake failed: nothing of that peer is delivered. */
    public void authenticationFailed(String address, String why) {
        metrics.authFailures.inc();
        log.warn("{}: refused the peer at {}: {}", description, address, why);
    }
}
