package io.sigil.identity.did;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.model.TrustLevel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DidDocumentsTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-03-02T11:30:00.987Z");

    private final DidDocuments documents = new DidDocuments("did:sigil:registry");

    @Test
    void anActiveAgentResolvesToItsDocumentWithMetadata() {
        // Given an active agent at version 3
        RegisteredAgent agent = agent(AgentStatus.ACTIVE);

        // When it is resolved
        DidDocuments.Answer answer = documents.resolved(agent);

        // Then the document names it, its controller and its OAuth client; the metadata has seconds-precision times
        assertThat(answer.status()).isEqualTo(200);
        DidResolution.Document document = answer.resolution().didDocument();
        assertThat(document.context()).startsWith(DidDocuments.DID_CONTEXT);
        assertThat(document.id()).isEqualTo("did:sigil:bot");
        assertThat(document.controller()).isEqualTo("did:sigil:registry");
        assertThat(document.alsoKnownAs()).containsExactly("urn:sigil:oauth-client:bot-client");
        assertThat(document.sigil())
                .containsEntry("owner", "team-a")
                .containsEntry("status", "active")
                .containsEntry("max_trust_level", "Medium");
        assertThat(answer.resolution().didResolutionMetadata().contentType()).isEqualTo("application/did+ld+json");
        assertThat(answer.resolution().didDocumentMetadata())
                .containsEntry("created", "2026-03-01T10:00:00Z")
                .containsEntry("updated", "2026-03-02T11:30:00Z")
                .containsEntry("versionId", "3")
                .containsEntry("deactivated", false);
    }

    @Test
    void aRevokedAgentIsDeactivatedAndGoneButASuspendedOneIsNot() {
        // Given a revoked and a suspended agent
        // When they are resolved
        // Then the revoked one is 410 and deactivated; the suspended one resolves normally with its status
        DidDocuments.Answer revoked = documents.resolved(agent(AgentStatus.REVOKED));
        assertThat(revoked.status()).isEqualTo(410);
        assertThat(revoked.resolution().didDocumentMetadata()).containsEntry("deactivated", true);
        DidDocuments.Answer suspended = documents.resolved(agent(AgentStatus.SUSPENDED));
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.resolution().didDocumentMetadata()).containsEntry("deactivated", false);
        assertThat(suspended.resolution().didDocument().sigil()).containsEntry("status", "suspended");
    }

    @Test
    void failuresCarryTheirErrorAndNoDocument() {
        // Given the three failures
        // When they are built
        // Then each has its HTTP status and DID Resolution error code
        assertThat(DidDocuments.invalidDid().status()).isEqualTo(400);
        assertThat(DidDocuments.invalidDid()
                        .resolution()
                        .didResolutionMetadata()
                        .error())
                .isEqualTo("invalidDid");
        assertThat(DidDocuments.notFound("did:sigil:x").status()).isEqualTo(404);
        assertThat(DidDocuments.notFound("did:sigil:x").resolution().didDocument())
                .isNull();
        assertThat(DidDocuments.methodNotSupported()
                        .resolution()
                        .didResolutionMetadata()
                        .error())
                .isEqualTo("methodNotSupported");
    }

    private static RegisteredAgent agent(AgentStatus status) {
        return new RegisteredAgent(
                "did:sigil:bot",
                "bot-client",
                "team-a",
                List.of("demo"),
                TrustLevel.MEDIUM,
                status,
                3,
                CREATED,
                UPDATED);
    }
}
