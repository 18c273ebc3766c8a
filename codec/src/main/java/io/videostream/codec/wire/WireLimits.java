package io.videostream.codec.wire;

import java.io.Serializable;

/**
 * Bounds on what a message from the network may hold. Defaults: images up to 64 MiB and 8192x8192,
 * pickles (meta, ftime, fno) up to 1 MiB each.
 */
public record WireLimits(int maxImageBytes, int maxPickleBytes, int maxWidth, int maxHeight) implements Serializable {
    public static final WireLimits DEFAULT = new WireLimits(64 << 20, 1 << 20, 8192, 8192);

    /** The largest part of a message these limits allow: what a socket may take from a peer. */
    public int largestPart() {
        return Math.max(maxImageBytes, maxPickleBytes);
    }
}
