package io.sigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigilEnvelopeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisesWithTheSeedsFieldNames() {
        // Given
        SigilEnvelope envelope = new SigilEnvelope(
                "alice via demo-agent-high",
                TrustLevel.HIGH,
                true,
                "default-allow",
                "550e8400-e29b-41d4-a716-446655440000",
                true,
                List.of(new Interception("IBAN", "v-1", "/content/0/text", "response")));

        // When
        JsonNode json = mapper.valueToTree(envelope);

        // Then
        assertThat(json.get("trust_level").asText()).isEqualTo("High");
        assertThat(json.get("policy_approved").asBoolean()).isTrue();
        assertThat(json.get("audit_id").asText()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(json.get("interceptions").get(0).get("vault_id").asText()).isEqualTo("v-1");
        assertThat(json.has("trustLevel")).isFalse();
    }

    @Test
    void vaultEntryNeverPrintsItsCiphertext() {
        VaultEntry entry = new VaultEntry(
                "id-1",
                new byte[] {1, 2, 3},
                "IBAN from read_email",
                java.time.Instant.EPOCH,
                List.of("iban"),
                null,
                1);

        assertThat(entry.toString()).doesNotContain("[1, 2, 3]").contains("bytes=3");
        assertThat(entry.tenant()).isEqualTo("default");
    }
}
