package io.sigil.gateway.auth;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.gateway.pipeline.Credentials;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway's bearer authentication. On {@code /mcp} the gateway verifies tokens itself ({@link TokenVerifier}
 * against the realm's published keys), which costs a fraction of Quarkus OIDC's path on the data plane; the
 * administration API keeps Quarkus OIDC. Every outcome on {@code /mcp} is an audit event, and a refusal is a 401
 * with an RFC 6750 / RFC 9728 challenge that points at the protected-resource metadata.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AuditedBearerMechanism implements HttpAuthenticationMechanism {

    private static final String REFUSAL = AuditedBearerMechanism.class.getName() + ".refusal";
    private static final String AUDITED = AuditedBearerMechanism.class.getName() + ".audited";
    private static final String AUTHORIZATION = "Authorization";
    private static final String DPOP = "DPoP";
    private static final String GUARDED_PATH = "/mcp";

    private final OidcAuthenticationMechanism oidc;
    private final TokenHeaderCheck headerCheck;
    private final AuthenticationAuditor auditor;
    private final String metadataLocation;
    private final VerifiedTokenCache verified;
    private final DpopProofVerifier dpop;
    private final TokenVerifier verifier;
    private final SigningKeySource signingKeys;
    private final String clientId;
    private final Clock clock;

    public AuditedBearerMechanism(
            OidcAuthenticationMechanism oidc,
            AuthenticationAuditor auditor,
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.oidc = oidc;
        this.auditor = auditor;
        this.clientId = clientId;
        this.headerCheck = new TokenHeaderCheck(config.tokenAlgorithms());
        this.metadataLocation = ResourceMetadata.locationOf(config.resource()).toString();
        Clock clock = Clock.systemUTC();
        this.clock = clock;
        this.verified = new VerifiedTokenCache(clock, config.verifiedTokenMaxAge(), config.verifiedTokenCapacity());
        this.dpop = new DpopProofVerifier(
                clock,
                config.dpop().maxClockSkew(),
                new DpopReplayCache(clock, config.dpop().replayCapacity()),
                Set.of(config.resource()));
        GatewayConfig.Token token = config.token();
        this.verifier = new TokenVerifier(headerCheck, token.audiences(), token.clockSkew());
        this.signingKeys = new SigningKeySource(
                HttpClient.newBuilder()
                        .connectTimeout(token.keysFetchTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                token.authorizationServer(),
                token.issuer(),
                new SigningKeySource.Settings(
                        token.keysMinRefreshInterval(), token.keysMaxAge(), token.keysFetchTimeout()),
                clock);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        PresentedToken presented = PresentedToken.from(context.request().getHeader(AUTHORIZATION));
        if (presented == null) {
            return oidc.authenticate(context, identityProviderManager)
                    .onItemOrFailure()
                    .invoke(() -> context.put(HttpAuthenticationMechanism.class.getName(), this))
                    .onFailure()
                    .invoke(failure -> context.put(REFUSAL, new Refusal(AuthFailure.MISSING_TOKEN, null)));
        }
        String token = presented.token();
        // A token found in the cache passed the header check when it was verified; the same bytes pass again.
        Optional<SecurityIdentity> known = verified.get(token);
        Optional<AuthFailure> refusal = known.isPresent() ? Optional.empty() : headerCheck.refusal(token);
        if (refusal.isPresent()) {
            return refuse(context, refusal.get(), null);
        }
        DpopProofVerifier.Outcome proof = null;
        if (presented.dpop()) {
            proof = dpop.verify(
                    context.request().getHeader(DPOP),
                    context.request().method().name(),
                    requestUrl(context),
                    token);
            if (!proof.accepted()) {
                return refuse(context, proof.refusal(), null);
            }
            // Quarkus OIDC reads bearer tokens only; the proof is checked, so the token is handed over as one.
            context.request().headers().set(AUTHORIZATION, "Bearer " + token);
        }
        DpopProofVerifier.Outcome checkedProof = proof;
        if (known.isPresent()) {
            context.put(HttpAuthenticationMechanism.class.getName(), this);
            return bound(context, known.get(), checkedProof);
        }
        if (guarded(context)) {
            return verify(context, token).onItem().transformToUni(verdict -> {
                if (!verdict.verified()) {
                    return refuse(context, verdict.refusal(), verdict.party());
                }
                SecurityIdentity identity = CredentialsReader.identity(verdict.token(), clientId);
                remember(token, identity);
                return bound(context, identity, checkedProof).invoke(accepted -> auditSuccess(accepted, context));
            });
        }
        return oidc.authenticate(context, identityProviderManager)
                // OIDC names itself as the request's challenger; the challenge is this mechanism's to give.
                .onItemOrFailure()
                .invoke(() -> context.put(HttpAuthenticationMechanism.class.getName(), this))
                .onFailure()
                .invoke(failure -> context.put(
                        REFUSAL,
                        new Refusal(
                                FailureClassifier.classify(failure),
                                FailureClassifier.verifiedParty(failure).orElse(null))))
                .onItem()
                .transformToUni(verifiedIdentity -> {
                    if (verifiedIdentity == null || verifiedIdentity.isAnonymous()) {
                        return Uni.createFrom().item(verifiedIdentity);
                    }
                    SecurityIdentity identity = CredentialsReader.attach(verifiedIdentity);
                    remember(token, identity);
                    return bound(context, identity, checkedProof).invoke(accepted -> {
                        if (guarded(context)) {
                            auditSuccess(accepted, context);
                        }
                    });
                });
    }

    /**
     * The token checked against the held signing keys; the keys are fetched first when none are held or they
     * are too old, and again (at most once per interval) when the token names a key they lack.
     */
    private Uni<TokenVerifier.Verdict> verify(RoutingContext context, String token) {
        Optional<SigningKeys> keys = signingKeys.current();
        if (keys.isPresent()) {
            TokenVerifier.Verdict verdict = verifier.verify(token, keys.get(), clock.instant());
            if (verdict.refusal() != AuthFailure.UNKNOWN_KEY || !signingKeys.mayFetch()) {
                return Uni.createFrom().item(verdict);
            }
        }
        Context requestContext = Vertx.currentContext();
        return Uni.createFrom()
                .completionStage(signingKeys::fetch)
                // The fetch completes on the HTTP client's thread; the request carries on on its own context.
                .emitOn(command -> {
                    if (requestContext == null) {
                        command.run();
                    } else {
                        requestContext.runOnContext(ignored -> command.run());
                    }
                })
                .map(fresh -> verifier.verify(token, fresh, clock.instant()))
                .onFailure()
                .recoverWithItem(failure -> new TokenVerifier.Verdict(null, AuthFailure.KEYS_UNAVAILABLE, null));
    }

    /**
     * Holds a verified token to its binding: a DPoP-bound token needs a proof by its key on every request, a
     * DPoP proof needs a DPoP-bound token, and a certificate-bound token cannot be checked here, so it is refused.
     */
    private Uni<SecurityIdentity> bound(
            RoutingContext context, SecurityIdentity identity, DpopProofVerifier.Outcome proof) {
        Optional<AuthFailure> refusal = TokenBindings.refusal(identity.getPrincipal(), proof);
        if (refusal.isPresent()) {
            return refuse(context, refusal.get(), party(identity));
        }
        return Uni.createFrom().item(identity);
    }

    private Uni<SecurityIdentity> refuse(
            RoutingContext context, AuthFailure reason, FailureClassifier.VerifiedParty party) {
        context.put(REFUSAL, new Refusal(reason, party));
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        return Uni.createFrom().failure(new AuthenticationFailedException(reason.description()));
    }

    private static FailureClassifier.VerifiedParty party(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            return new FailureClassifier.VerifiedParty(jwt.getSubject(), azp == null ? null : azp.toString());
        }
        return null;
    }

    private static URI requestUrl(RoutingContext context) {
        try {
            return URI.create(context.request().absoluteURI());
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        Refusal refusal = context.get(REFUSAL);
        if (refusal == null) {
            refusal = new Refusal(AuthFailure.MISSING_TOKEN, null);
        }
        // Quarkus may ask for the challenge more than once per request; the refusal is recorded once.
        if (guarded(context) && context.get(AUDITED) == null) {
            context.put(AUDITED, Boolean.TRUE);
            auditor.failed(refusal.reason(), refusal.party(), context.request().getHeader("User-Agent"));
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", challenge(refusal.reason())));
    }

    /** The RFC 6750 §3 challenge; error attributes only when a token was presented and refused. */
    String challenge(AuthFailure reason) {
        if (reason.dpopProof()) {
            // RFC 9449 §7.1: the DPoP challenge carries the error; the Bearer one still points at the metadata.
            return "DPoP algs=\"" + String.join(" ", DpopProofVerifier.ALGORITHMS)
                    + "\", error=\"invalid_dpop_proof\", error_description=\"" + reason.description()
                    + "\", Bearer resource_metadata=\"" + metadataLocation + "\"";
        }
        StringBuilder value = new StringBuilder("Bearer resource_metadata=\"")
                .append(metadataLocation)
                .append('"');
        if (reason != AuthFailure.MISSING_TOKEN) {
            value.append(", error=\"invalid_token\", error_description=\"")
                    .append(reason.description())
                    .append('"');
        }
        return value.toString();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (token != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            verified.put(token, identity, jwt.getExpirationTime());
        }
    }

    private void auditSuccess(SecurityIdentity identity, RoutingContext context) {
        String subject = null;
        String clientId = null;
        String user = null;
        String tokenId = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            tokenId = jwt.getTokenID();
            subject = jwt.getSubject();
            clientId = jwt.getClaim("azp") == null ? null : jwt.getClaim("azp").toString();
            user = jwt.getClaim("preferred_username") == null
                    ? null
                    : jwt.getClaim("preferred_username").toString();
        }
        // Named as the identity stage names callers: service accounts by their client.
        String actor = Credentials.human(user) ? user : clientId;
        auditor.succeeded(actor, subject, clientId, tokenId, context.request().getHeader("User-Agent"));
    }

    private static boolean guarded(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals(GUARDED_PATH) || path.startsWith(GUARDED_PATH + "/");
    }

    /** What was refused, kept on the request until the challenge is sent. */
    private record Refusal(AuthFailure reason, FailureClassifier.VerifiedParty party) {}
}
