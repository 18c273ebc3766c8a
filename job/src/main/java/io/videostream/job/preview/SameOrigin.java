package io.videostream.job.preview;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which requests the preview answers, so that the other web pages its user visits can neither stop
 * the job nor look at the streams through the user's browser. Each check returns why it refuses a
 * request, or nothing.
 * <ul>
 * <li>Every request: its {@code Host} names this server by an IP address, {@code localhost} or the
 * name it is bound to, not by another site's name that resolves here (DNS rebinding: such a page
 * would be of the preview's origin and could read it, token included).
 * <li>Reads of the streams ({@code /status}, {@code /view}): not loaded by a page of another origin
 * (as {@code Sec-Fetch-Site} tells).
 * <li>Changes ({@code POST /stop}): the run's token in {@value #TOKEN_HEADER}, which only a page read
 * from this server has (a form or a no-cors fetch cannot set a header; a fetch that sets one needs a
 * preflight, which gets no CORS answer); and where a browser says where it comes from
 * ({@code Origin}, {@code Sec-Fetch-Site}), the preview's own origin.
 * </ul>
 */
final class SameOrigin {
    /** The header that carries the token. */
    static final String TOKEN_HEADER = "X-Preview-Token";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Set<String> READERS = Set.of("same-origin", "none");

    private final String boundName;
    private final String token;

    /** @param boundName the name or address the server is bound to, also allowed as {@code Host} */
    SameOrigin(String boundName) {
        this.boundName = boundName.toLowerCase(Locale.ROOT);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The run's token, for the page. */
    String token() {
        return token;
    }

    /** The page itself: any origin may link to it (it is served with frame-ancestors 'none'). */
    Optional<String> refusedPage(Headers headers) {
        return refusedHost(headers);
    }

    /** The streams' status and views. */
    Optional<String> refusedRead(Headers headers) {
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !READERS.contains(site)) {
            return Optional.of("a read from another origin (Sec-Fetch-Site: " + site + ")");
        }
        return refusedHost(headers);
    }

    /** A request that changes something: stop. */
    Optional<String> refusedChange(Headers headers) {
        Optional<String> host = refusedHost(headers);
        if (host.isPresent()) {
            return host;
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return Optional.of("a request from another origin (Sec-Fetch-Site: " + site + ")");
        }
        String origin = headers.getFirst("Origin");
        String own = "http://" + headers.getFirst("Host").toLowerCase(Locale.ROOT);
        if (origin != null && !origin.toLowerCase(Locale.ROOT).equals(own)) {
            return Optional.of("a request from another origin (Origin: " + origin + ")");
        }
        String sent = headers.getFirst(TOKEN_HEADER);
        if (sent == null) {
            return Optional.of("no " + TOKEN_HEADER);
        }
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("a wrong " + TOKEN_HEADER);
        }
        return Optional.empty();
    }

    private Optional<String> refusedHost(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null) {
            return Optional.of("no Host header");
        }
        String name = hostName(host.toLowerCase(Locale.ROOT));
        if (name.equals("localhost") || name.equals(boundName) || IPV4.matcher(name).matches()
                || IPV6.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("an unknown host name (Host: " + host + ")");
    }

    /** The name in a {@code Host} header, without the port ({@code [v6 address]} keeps its brackets). */
    private static String hostName(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }
}
