package io.videostream.job.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which requests the preview answers: its own page's, not other sites' nor DNS rebinding ones. */
class SameOriginTest {
    private final SameOrigin loopback = new SameOrigin("127.0.0.1");

    private static Headers headers(String... namesAndValues) {
        Headers headers = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void eachRunHasItsOwnUnguessableToken() {
        assertThat(loopback.token()).hasSize(43).isNotEqualTo(new SameOrigin("127.0.0.1").token());
    }

    @Test
    void theOwnPagesStopIsAllowedWithTheTokenFromEveryLocalName() {
        for (String host : new String[] {"localhost:8090", "127.0.0.1:8090", "[::1]:8090", "LOCALHOST:8090", "localhost"}) {
            assertThat(loopback.refusedChange(headers("Host", host, "Origin", "http://" + host.toLowerCase(),
                    "Sec-Fetch-Site", "same-origin", SameOrigin.TOKEN_HEADER, loopback.token()))).as(host).isEmpty();
        }
    }

    @Test
    void aClientThatSaysNoOriginStopsWithTheTokenOnly() {
        assertThat(loopback.refusedChange(headers("Host", "localhost:8090", SameOrigin.TOKEN_HEADER, loopback.token())))
                .isEmpty();
        assertThat(loopback.refusedChange(headers("Host", "localhost:8090"))).hasValue("no X-Preview-Token");
        assertThat(loopback.refusedChange(headers("Host", "localhost:8090", SameOrigin.TOKEN_HEADER,
                loopback.token().substring(1) + "A"))).hasValue("a wrong X-Preview-Token");
        assertThat(loopback.refusedChange(headers("Host", "localhost:8090", SameOrigin.TOKEN_HEADER,
                new SameOrigin("127.0.0.1").token()))).as("another run's token").hasValue("a wrong X-Preview-Token");
    }

    @Test
    void anotherOriginsPostIsRefusedEvenWithTheToken() {
        for (String origin : new String[] {"http://evil.example", "http://localhost:8091", "http://127.0.0.1:8090",
                "https://localhost:8090", "null"}) {
            assertThat(loopback.refusedChange(headers("Host", "localhost:8090", "Origin", origin,
                    SameOrigin.TOKEN_HEADER, loopback.token()))).as(origin)
                    .hasValue("a request from another origin (Origin: " + origin + ")");
        }
        for (String site : new String[] {"cross-site", "same-site", "none"}) {
            assertThat(loopback.refusedChange(headers("Host", "localhost:8090", "Sec-Fetch-Site", site,
                    SameOrigin.TOKEN_HEADER, loopback.token()))).as(site)
                    .hasValue("a request from another origin (Sec-Fetch-Site: " + site + ")");
        }
    }

    @Test
    void aPageOfAnotherNameThatResolvesHereIsRefusedEverything() {
        Headers rebound = headers("Host", "evil.example:8090", "Origin", "http://evil.example:8090",
                "Sec-Fetch-Site", "same-origin", SameOrigin.TOKEN_HEADER, loopback.token());
        Optional<String> refused = Optional.of("an unknown host name (Host: evil.example:8090)");
        assertThat(loopback.refusedPage(rebound)).isEqualTo(refused);
        assertThat(loopback.refusedRead(rebound)).isEqualTo(refused);
        assertThat(loopback.refusedChange(rebound)).isEqualTo(refused);
        for (String host : new String[] {"127.0.0.1.evil.example", "localhost.evil.example:8090", "[::1].evil.example"}) {
            assertThat(loopback.refusedPage(headers("Host", host))).as(host).isPresent();
        }
        assertThat(loopback.refusedPage(new Headers())).hasValue("no Host header");
    }

    @Test
    void theNameBoundToIsAllowedBesideAddresses() {
        SameOrigin named = new SameOrigin("Preview.Example");
        assertThat(named.refusedPage(headers("Host", "preview.example:8090"))).isEmpty();
        assertThat(named.refusedPage(headers("Host", "192.168.1.5:8090"))).isEmpty();
        assertThat(named.refusedPage(headers("Host", "other.example:8090"))).isPresent();
        assertThat(loopback.refusedPage(headers("Host", "preview.example:8090"))).isPresent();
    }

    @Test
    void theStreamsAreNotReadFromAnotherOriginsPage() {
        assertThat(loopback.refusedRead(headers("Host", "localhost:8090", "Sec-Fetch-Site", "cross-site")))
                .hasValue("a read from another origin (Sec-Fetch-Site: cross-site)");
        assertThat(loopback.refusedRead(headers("Host", "localhost:8090", "Sec-Fetch-Site", "same-site"))).isPresent();
        assertThat(loopback.refusedRead(headers("Host", "localhost:8090", "Sec-Fetch-Site", "same-origin"))).isEmpty();
        assertThat(loopback.refusedRead(headers("Host", "localhost:8090", "Sec-Fetch-Site", "none")))
                .as("typed into the address bar").isEmpty();
        assertThat(loopback.refusedRead(headers("Host", "localhost:8090"))).as("no browser").isEmpty();
        assertThat(loopback.refusedPage(headers("Host", "localhost:8090", "Sec-Fetch-Site", "cross-site")))
                .as("a link to the page from another site").isEmpty();
    }
}
