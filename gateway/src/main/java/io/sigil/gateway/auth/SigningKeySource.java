package io.sigil.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The authorization server's signing keys, fetched through OIDC discovery and its JWKS, and fetched again when a
 * token names a key the set lacks (a rotation) — at most once per interval, so forged key ids cannot make the
 * gateway hammer the server — and when the set is older than its maximum age (a removed key stops counting).
 * A failed fetch keeps the last good set; without any set every token is refused.
 */
public final class SigningKeySource {

    private static final Logger LOG = Logger.getLogger(SigningKeySource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI discovery;
    private final Optional<String> configuredIssuer;
    private final Settings settings;
    private final Clock clock;
    private final AtomicReference<CompletableFuture<SigningKeys>> inFlight = new AtomicReference<>();
    private volatile SigningKeys current;
    private volatile Instant lastAttempt = Instant.EPOCH;

    public SigningKeySource(
            HttpClient http, URI authorizationServer, Optional<String> issuer, Settings settings, Clock clock) {
        this.http = http;
        String base = authorizationServer.toString().replaceAll("/+$", "");
        this.discovery = URI.create(base + "/.well-known/openid-configuration");
        this.configuredIssuer = issuer;
        this.settings = settings;
        this.clock = clock;
    }

    /** The keys to verify with right now, if a set is held and young enough; empty means {@link #fetch()} first. */
    public Optional<SigningKeys> current() {
        SigningKeys keys = current;
        if (keys == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(keys.fetchedAt().plus(settings.maxAge())) && mayFetch()) {
            return Optional.empty();
        }
        return Optional.of(keys);
    }

    /** Whether a token naming an unknown key may trigger a fetch now. */
    public boolean mayFetch() {
        return !clock.instant().isBefore(lastAttempt.plus(settings.minRefreshInterval()));
    }

    /**
     * A fresh set, or the last good one when fetching fails or is not allowed yet; fails only when no set was
     * ever fetched. Concurrent callers share one fetch.
     */
    public CompletionStage<SigningKeys> fetch() {
        CompletableFuture<SigningKeys> running = inFlight.get();
        if (running != null) {
            return running;
        }
        if (!mayFetch()) {
            return current != null
                    ? CompletableFuture.completedFuture(current)
                    : CompletableFuture.failedFuture(new IllegalStateException("no signing keys yet"));
        }
        CompletableFuture<SigningKeys> mine = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, mine)) {
            return inFlight.get() != null ? inFlight.get() : fetch();
        }
        lastAttempt = clock.instant();
        download().whenComplete((keys, failure) -> {
            if (failure == null) {
                current = keys;
            } else {
                LOG.warnf(
                        "Fetching the signing keys from %s failed (%s); %s",
                        discovery,
                        failure.getClass().getSimpleName(),
                        current == null ? "every token is refused until a fetch succeeds" : "the last set stays");
            }
            inFlight.set(null);
            if (current != null) {
                mine.complete(current);
            } else {
                mine.completeExceptionally(failure);
            }
        });
        return mine;
    }

    private CompletableFuture<SigningKeys> download() {
        return get(discovery).thenCompose(metadata -> {
            JsonNode jwksUri = metadata.get("jwks_uri");
            JsonNode issuer = metadata.get("issuer");
            if (jwksUri == null || !jwksUri.isTextual() || issuer == null || !issuer.isTextual()) {
                throw new IllegalStateException("the discovery document names no jwks_uri or issuer");
            }
            String trusted = configuredIssuer.orElse(issuer.asText());
            return get(URI.create(jwksUri.asText()))
                    .thenApply(jwks -> SigningKeys.parse(trusted, jwks, clock.instant()));
        });
    }

    private CompletableFuture<JsonNode> get(URI uri) {
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            return CompletableFuture.failedFuture(new IllegalStateException("not an HTTP URL: " + uri));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.fetchTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
    }

    /** How often and how long keys are fetched and kept. */
    public record Settings(Duration minRefreshInterval, Duration maxAge, Duration fetchTimeout) {}
}
