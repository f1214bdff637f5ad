package io.sigil.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sigil.core.model.AuditEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AuthenticationAuditorTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void recordsARefusalAsAnAuthenticationFailureWithItsReason() {
        List<AuditEvent> published = new ArrayList<>();
        AuthenticationAuditor auditor = new AuthenticationAuditor(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);

        auditor.failed(AuthFailure.WRONG_AUDIENCE, new FailureClassifier.VerifiedParty("s-1", "sigil-soc"), "agent/1");

        AuditEvent event = published.get(0);
        assertThat(event.classUid()).isEqualTo(AuditEvent.AUTHENTICATION);
        assertThat(event.outcome()).isEqualTo("failure");
        assertThat(event.actor()).isEqualTo("anonymous");
        assertThat(event.time()).isEqualTo(clock.instant());
        assertThat(event.attributes())
                .containsEntry("reason", "wrong_audience")
                .containsEntry("client_id", "sigil-soc")
                .containsEntry("user_agent", "agent/1");
    }

    @Test
    void neverFailsTheRequestWhenTheEventCannotBeRecorded() {
        AuthenticationAuditor failingLater = new AuthenticationAuditor(
                event -> CompletableFuture.failedFuture(new IllegalStateException("broker away")), clock);
        AuthenticationAuditor failingAtOnce = new AuthenticationAuditor(
                event -> {
                    throw new IllegalStateException("emitter closed");
                },
                clock);

        assertThatCode(() -> failingLater.failed(AuthFailure.MISSING_TOKEN, null, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> failingAtOnce.failed(AuthFailure.EXPIRED, null, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> failingAtOnce.succeeded("a", "s", "c", null, null)).doesNotThrowAnyException();
    }

    @Test
    void recordsATokensFirstSuccessfulUseOnceAndEveryFailure() {
        List<AuditEvent> published = new ArrayList<>();
        AuthenticationAuditor auditor = new AuthenticationAuditor(
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                clock);

        auditor.succeeded("client:a", "s-1", "a", "jti-1", null);
        auditor.succeeded("client:a", "s-1", "a", "jti-1", null);
        auditor.succeeded("client:a", "s-1", "a", "jti-2", null);
        auditor.failed(AuthFailure.INVALID_SIGNATURE, null, null);
        auditor.failed(AuthFailure.INVALID_SIGNATURE, null, null);

        assertThat(published)
                .extracting(AuditEvent::outcome)
                .containsExactly("success", "success", "failure", "failure");
        assertThat(published.get(0).attributes()).containsEntry("client_id", "a");
    }

    @Test
    void placesTheMetadataBetweenHostAndPath() {
        assertThat(ResourceMetadata.locationOf(URI.create("http://127.0.0.1:8700/mcp")))
                .hasToString("http://127.0.0.1:8700/.well-known/oauth-protected-resource/mcp");
        assertThat(ResourceMetadata.locationOf(URI.create("https://gw.example")))
                .hasToString("https://gw.example/.well-known/oauth-protected-resource");
    }
}
