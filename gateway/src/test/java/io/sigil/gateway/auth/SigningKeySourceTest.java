package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sigil.gateway.testing.MutableClock;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key source against a small discovery and JWKS server on loopback whose keys and health the test sets. */
class SigningKeySourceTest {

    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicInteger jwksStatus = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private HttpServer server;
    private SigningKeySource source;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/certs\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/realms/test/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(jwksStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        source = new SigningKeySource(
                HttpClient.newHttpClient(),
                URI.create(base + "/"),
                Optional.empty(),
                new SigningKeySource.Settings(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(5)),
                clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesThroughDiscoveryAndTakesTheIssuerFromIt() throws Exception {
        jwks.set(jwks("k1"));

        SigningKeys keys = source.fetch().toCompletableFuture().get();

        assertThat(keys.byId()).containsOnlyKeys("k1");
        assertThat(keys.issuer()).endsWith("/realms/test");
        assertThat(source.current()).contains(keys);
    }

    @Test
    void fetchesAgainAtMostOncePerIntervalSoForgedKeyIdsCannotFloodTheServer() throws Exception {
        jwks.set(jwks("k1"));
        source.fetch().toCompletableFuture().get();
        jwks.set(jwks("k2"));

        SigningKeys tooSoon = source.fetch().toCompletableFuture().get();
        clock.advance(Duration.ofSeconds(11));
        SigningKeys later = source.fetch().toCompletableFuture().get();

        assertThat(tooSoon.byId()).containsOnlyKeys("k1");
        assertThat(later.byId()).containsOnlyKeys("k2");
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void keepsTheLastGoodSetWhenAFetchFailsAndRefusesWhenThereWasNone() throws Exception {
        jwksStatus.set(503);
        jwks.set("{}");
        assertThatThrownBy(() -> source.fetch().toCompletableFuture().get())
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(source.current()).isEmpty();

        clock.advance(Duration.ofSeconds(11));
        jwksStatus.set(200);
        jwks.set(jwks("k1"));
        source.fetch().toCompletableFuture().get();
        clock.advance(Duration.ofSeconds(11));
        jwksStatus.set(503);

        assertThat(source.fetch().toCompletableFuture().get().byId()).containsOnlyKeys("k1");
    }

    @Test
    void aSetOlderThanItsMaximumAgeIsNotUsedOnceItMayBeFetchedAgain() throws Exception {
        jwks.set(jwks("k1"));
        source.fetch().toCompletableFuture().get();

        clock.advance(Duration.ofMinutes(11));

        assertThat(source.current()).isEmpty();
    }

    private static String jwks(String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        return "{\"keys\":[{\"kid\":\"" + kid + "\",\"kty\":\"RSA\",\"use\":\"sig\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] unsigned = bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
