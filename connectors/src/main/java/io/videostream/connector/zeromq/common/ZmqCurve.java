package io.videostream.connector.zeromq.common;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * CURVE security for a source's or sink's sockets, as ZeroMQ's "ironhouse": every connection is
 * encrypted, and both ends are authenticated. An endpoint that binds is the CURVE server: it lets in
 * only the clients whose public keys it is given; an endpoint that connects is a client and must know
 * the server's public key. Each side has its own certificate (with its secret key).
 *
 * <pre>{@code
 * ZmqCurve curve = ZmqCurve.withCertificate(CurveCertificate.read(Path.of("keys/receiver.key_secret")))
 *         .allowClients(CurveCertificate.readPublicKeys(Path.of("keys/clients")))   // endpoints that bind
 *         .trustServer(CurveCertificate.read(Path.of("keys/streamer.key")));        // endpoints that connect
 * }</pre>
 *
 * <p>The secret key travels with the job (in its serialized graph) to the TaskManagers.
 */
@PublicEvolving
public final class ZmqCurve implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String publicKey;
    private final String secretKey;
    private final Set<String> clientKeys;
    private final String serverKey;
    private final Map<ZmqEndpoint, String> endpointServerKeys;

    private ZmqCurve(String publicKey, String secretKey, Set<String> clientKeys, String serverKey,
            Map<ZmqEndpoint, String> endpointServerKeys) {
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.clientKeys = Set.copyOf(clientKeys);
        this.serverKey = serverKey;
        this.endpointServerKeys = Map.copyOf(endpointServerKeys);
    }

    /** CURVE with this side's own certificate, which must hold its secret key (a {@code .key_secret} file). */
    public static ZmqCurve withCertificate(CurveCertificate own) {
        Objects.requireNonNull(own, "certificate");
        if (own.secretKey() == null) {
            throw new IllegalArgumentException("CURVE: this side's own certificate needs its secret key (the "
                    + ".key_secret file), not only the public one");
        }
        return new ZmqCurve(own.publicKey(), own.secretKey(), Set.of(), null, Map.of());
    }

    /** For endpoints that bind: lets these clients in (besides those allowed already); no one else. */
    public ZmqCurve allowClients(Collection<CurveCertificate> clients) {
        Set<String> keys = new LinkedHashSet<>(clientKeys);
        clients.forEach(client -> keys.add(client.publicKey()));
        return new ZmqCurve(publicKey, secretKey, keys, serverKey, endpointServerKeys);
    }

    /** For endpoints that connect: the server they connect to, unless one is given for the endpoint. */
    public ZmqCurve trustServer(CurveCertificate server) {
        return new ZmqCurve(publicKey, secretKey, clientKeys, server.publicKey(), endpointServerKeys);
    }

    /** For one endpoint that connects: the server there. */
    public ZmqCurve trustServer(ZmqEndpoint endpoint, CurveCertificate server) {
        if (endpoint.isBind()) {
            throw new IllegalArgumentException("CURVE: " + endpoint + " binds, so this side is its server; "
                    + "a server key applies to endpoints that connect");
        }
        Map<ZmqEndpoint, String> keys = new HashMap<>(endpointServerKeys);
        keys.put(endpoint, server.publicKey());
        return new ZmqCurve(publicKey, secretKey, clientKeys, serverKey, keys);
    }

    /** This side's public key (Z85). */
    public String publicKey() {
        return publicKey;
    }

    /** This side's secret key (Z85). */
    public String secretKey() {
        return secretKey;
    }

    /** The public keys (Z85) of the clients that endpoints which bind let in. */
    public Set<String> clientKeys() {
        return clientKeys;
    }

    /** The public key (Z85) of the server at an endpoint that connects, or null if none was given. */
    public String serverKey(ZmqEndpoint endpoint) {
        return endpointServerKeys.getOrDefault(endpoint, serverKey);
    }

    /**
     * Throws an {@link IllegalArgumentException} unless every endpoint has what it needs: the server's
     * key where it connects, at least one allowed client where it binds.
     */
    public void check(List<ZmqEndpoint> endpoints) {
        for (ZmqEndpoint endpoint : endpoints) {
            if (endpoint.isBind() && clientKeys.isEmpty()) {
                throw new IllegalArgumentException("CURVE: " + endpoint + " binds, so it needs the public "
                        + "certificates of the clients it lets in (none given)");
            }
            if (!endpoint.isBind() && serverKey(endpoint) == null) {
                throw new IllegalArgumentException("CURVE: " + endpoint + " connects, so it needs the public "
                        + "certificate of the server there (none given)");
            }
        }
    }

    /** The secret key is not shown. */
    @Override
    public String toString() {
        return "ZmqCurve[publicKey=" + publicKey + ", " + clientKeys.size() + " clients allowed, server keys for "
                + (serverKey == null ? "" : "every endpoint that connects, ") + endpointServerKeys.keySet() + "]";
    }
}
