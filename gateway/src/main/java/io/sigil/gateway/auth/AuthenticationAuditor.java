package io.sigil.gateway.auth;

import io.sigil.core.model.AuditEvent;
import io.sigil.core.spi.AuditLogger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records authentication on {@code /mcp} as OCSF Authentication (3002) events: every failure, and a token's
 * first successful use (each call made with it is then its own API Activity event naming the same caller, so
 * a success per call would only double the audit load). It does not wait for the broker: the 401 or the call
 * goes on at once, and a lost event is logged, never turned into an error. Events name the caller and the
 * reason, never the token.
 */
@ApplicationScoped
public class AuthenticationAuditor {

    static final String ACTIVITY = "mcp/authenticate";
    private static final String SOURCE = "gateway";
    private static final int MAX_USER_AGENT = 200;
    private static final Logger LOG = Logger.getLogger(AuthenticationAuditor.class);
    private static final int REMEMBERED_TOKENS = 10_000;

    private final AuditLogger audit;
    private final Clock clock;
    private final Map<String, Boolean> seenTokens = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_TOKENS;
        }
    };

    AuthenticationAuditor(AuditLogger audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Inject
    public AuthenticationAuditor(AuditLogger audit) {
        this(audit, Clock.systemUTC());
    }

    /** A verified token: the caller as the pipeline will name it. Recorded once per token id ({@code jti}). */
    public void succeeded(String actor, String subject, String clientId, String tokenId, String userAgent) {
        if (tokenId != null && !firstUse(tokenId)) {
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "subject", subject);
        putIfPresent(attributes, "client_id", clientId);
        publish(event(actor, "success", attributes, userAgent));
    }

    /** A refused request; the party is named only when its signature was verified. */
    public void failed(AuthFailure reason, FailureClassifier.VerifiedParty party, String userAgent) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("reason", reason.reason());
        if (party != null) {
            putIfPresent(attributes, "subject", party.subject());
            putIfPresent(attributes, "client_id", party.clientId());
        }
        publish(event(null, "failure", attributes, userAgent));
    }

    private synchronized boolean firstUse(String tokenId) {
        return seenTokens.put(tokenId, Boolean.TRUE) == null;
    }

    private AuditEvent event(String actor, String outcome, Map<String, Object> attributes, String userAgent) {
        attributes.put("auth_protocol", "oauth2-bearer");
        if (userAgent != null) {
            attributes.put(
                    "user_agent",
                    userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
        }
        return new AuditEvent(
                AuditEvent.newAuditId(),
                clock.instant(),
                AuditEvent.AUTHENTICATION,
                ACTIVITY,
                SOURCE,
                actor,
                null,
                outcome,
                attributes);
    }

    private void publish(AuditEvent event) {
        try {
            audit.log(event).whenComplete((acknowledged, failure) -> {
                if (failure != null) {
                    LOG.warnf(
                            "authentication event %s (%s) not recorded: %s", event.auditId(), event.outcome(), failure);
                }
            });
        } catch (RuntimeException failure) {
            // An emitter that refuses at once (buffer full, channel down) must not fail the request.
            LOG.warnf("authentication event %s (%s) not recorded: %s", event.auditId(), event.outcome(), failure);
        }
    }

    private static void putIfPresent(Map<String, Object> attributes, String key, Object value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
