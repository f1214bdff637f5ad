package io.sigil.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustRules;
import io.sigil.core.model.TrustLevel;
import io.sigil.gateway.auth.CredentialsReader;
import io.sigil.gateway.auth.SigningKey;
import io.sigil.gateway.auth.SigningKeys;
import io.sigil.gateway.auth.TokenHeaderCheck;
import io.sigil.gateway.auth.TokenVerifier;
import io.sigil.gateway.auth.VerifiedTokenCache;
import io.sigil.gateway.identity.AgentDirectory;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.stages.IdentityStage;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's identity work per request, on a Keycloak-shaped RS256 token (2048-bit key, the claims a real
 * demo token carries): uncached, the header check, jose4j's signature and claims verification (the library
 * Quarkus OIDC verifies with), the principal, the credentials and the identity stage against the registry
 * replica; cached, the same with the verified-token cache standing in for the verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdentityStageBench {

    private static final String ISSUER = "http://127.0.0.1:28080/realms/sigil";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String token;
    private java.security.PublicKey publicKey;
    private JwtConsumer consumer;
    private TokenHeaderCheck headerCheck;
    private TokenVerifier verifier;
    private SigningKeys keys;
    private VerifiedTokenCache cache;
    private IdentityStage stage;
    private ObjectNode request;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        token = token(keys);
        publicKey = keys.getPublic();
        consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(0)
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience("sigil-gateway")
                .setVerificationKey(keys.getPublic())
                .build();
        headerCheck = new TokenHeaderCheck(Set.of("RS256", "PS256", "ES256"));
        verifier = new TokenVerifier(headerCheck, Set.of("sigil-gateway"), Duration.ofSeconds(10));
        this.keys = new SigningKeys(
                ISSUER,
                Map.of("bench-key", new SigningKey("bench-key", SigningKey.Family.RSA, keys.getPublic(), "RS256")),
                Instant.now());
        cache = new VerifiedTokenCache(Clock.systemUTC(), Duration.ofSeconds(30), 10_000);
        cache.put(token, identity(), Instant.now().plusSeconds(3600).getEpochSecond());
        stage = new IdentityStage(new OneAgent(), Map.of(), Clock.systemUTC());
        request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
        request.putObject("params")
                .put("name", "get_weather")
                .putObject("arguments")
                .put("city", "Berlin");
    }

    /**
     * A token's first sight on {@code /mcp}: the gateway's own verifier (header, key, signature, claims), the
     * identity with its credentials, then the identity stage — the production path.
     */
    @Benchmark
    public StageResult uncached() {
        TokenVerifier.Verdict verdict = verifier.verify(token, keys, Instant.now());
        if (!verdict.verified()) {
            throw new IllegalStateException("refused: " + verdict.refusal());
        }
        SecurityIdentity identity = CredentialsReader.identity(verdict.token(), "sigil-gateway");
        return stage(
                CredentialsReader.of(identity, (org.eclipse.microprofile.jwt.JsonWebToken) identity.getPrincipal()));
    }

    /** The same first sight through jose4j and smallrye's principal, the libraries Quarkus OIDC verifies with. */
    @Benchmark
    public StageResult uncachedJose4j() throws Exception {
        if (headerCheck.refusal(token).isPresent()) {
            throw new IllegalStateException("refused");
        }
        DefaultJWTCallerPrincipal principal = new DefaultJWTCallerPrincipal(token, consumer.processToClaims(token));
        return stage(CredentialsReader.read(principal, Set.of("agent")));
    }

    /** The RS256 signature check alone, the floor under {@link #uncached()}. */
    @Benchmark
    public boolean signatureOnly() throws Exception {
        int dot = token.lastIndexOf('.');
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(token.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return verifier.verify(java.util.Base64.getUrlDecoder().decode(token.substring(dot + 1)));
    }

    /** A token seen before: the cache answers for the header check, the verification and the claims. */
    @Benchmark
    public StageResult cached() {
        SecurityIdentity identity = cache.get(token).orElseThrow();
        return stage(
                CredentialsReader.of(identity, (org.eclipse.microprofile.jwt.JsonWebToken) identity.getPrincipal()));
    }

    private StageResult stage(Credentials credentials) {
        return stage.apply(new Exchange(request, credentials, "2025-11-25"))
                .toCompletableFuture()
                .join();
    }

    private SecurityIdentity identity() throws Exception {
        DefaultJWTCallerPrincipal principal = new DefaultJWTCallerPrincipal(token, consumer.processToClaims(token));
        return CredentialsReader.attach(QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRole("agent")
                .build());
    }

    private static String token(KeyPair keys) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience("sigil-gateway");
        claims.setSubject(UUID.randomUUID().toString());
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setIssuedAtToNow();
        claims.setJwtId("trrtcc:" + UUID.randomUUID());
        claims.setClaim("typ", "Bearer");
        claims.setClaim("azp", "demo-agent-medium");
        claims.setClaim("realm_access", Map.of("roles", List.of("agent")));
        claims.setClaim("scope", "email profile");
        claims.setClaim("sigil_client_auth", "client_secret");
        claims.setClaim("email_verified", false);
        claims.setClaim("preferred_username", "service-account-demo-agent-medium");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue("bench-key");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    /** The replica holding the one agent the token belongs to. */
    private static final class OneAgent implements AgentDirectory {
        private final RegisteredAgent agent = new RegisteredAgent(
                "did:sigil:demo-agent-medium",
                "demo-agent-medium",
                "sigil-demo",
                List.of("demo"),
                TrustLevel.MEDIUM,
                AgentStatus.ACTIVE,
                1,
                Instant.EPOCH,
                Instant.EPOCH);
        private final Optional<TrustRules> rules = Optional.of(TrustRules.defaults());

        @Override
        public Optional<RegisteredAgent> byClient(String clientId) {
            return agent.clientId().equals(clientId) ? Optional.of(agent) : Optional.empty();
        }

        @Override
        public Optional<TrustRules> rules() {
            return rules;
        }

        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }
    }
}
