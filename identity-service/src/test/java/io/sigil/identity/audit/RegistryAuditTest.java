package io.sigil.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.core.model.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryAuditTest {

    private final RegistryAudit audit =
            new RegistryAudit("identity-service", Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aChangeIsAnEntityManagementEventNamingActorAndReason() {
        // Given an administrator's revocation
        Actor admin = new Actor("service-account-sigil-admin", "3f2a-sub", "sigil-admin");

        // When its event is built
        AuditEvent event = audit.changed("agents/revoke", admin, "key leaked", Map.of("did", "did:sigil:x"));

        // Then it is OCSF 3004 from the service, with the actor, its subject and client, and the reason
        assertThat(event.classUid()).isEqualTo(3004);
        assertThat(event.source()).isEqualTo("identity-service");
        assertThat(event.activity()).isEqualTo("agents/revoke");
        assertThat(event.actor()).isEqualTo("service-account-sigil-admin");
        assertThat(event.outcome()).isEqualTo("success");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(event.attributes())
                .containsEntry("did", "did:sigil:x")
                .containsEntry("subject", "3f2a-sub")
                .containsEntry("actor_client_id", "sigil-admin")
                .containsEntry("reason", "key leaked");
    }

    @Test
    void theServiceActingAloneHasNoSubjectAndAReasonIsBounded() {
        // Given the service itself and an overlong reason
        // When the event is built
        AuditEvent event =
                audit.changed("agents/register", Actor.service("identity-service"), "x".repeat(900), Map.of());

        // Then it names no subject or client, and keeps the reason's first 500 characters
        assertThat(event.attributes()).doesNotContainKeys("subject", "actor_client_id");
        assertThat((String) event.attributes().get("reason")).hasSize(RegistryAudit.MAX_REASON);
    }
}
