package io.sigil.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.IdentityRecords;
import io.sigil.core.identity.TrustRules;
import io.sigil.gateway.identity.DirectorySnapshot.Applied;
import org.junit.jupiter.api.Test;

class DirectorySnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final DirectorySnapshot snapshot = new DirectorySnapshot(JSON);

    @Test
    void anAgentIsFoundByItsClientInItsLatestVersion() {
        assertThat(snapshot.apply("did:sigil:a", agent("did:sigil:a", "client-a", "active", 1)))
                .isEqualTo(Applied.AGENT);
        assertThat(snapshot.apply("did:sigil:a", agent("did:sigil:a", "client-a", "suspended", 2)))
                .isEqualTo(Applied.AGENT);
        assertThat(snapshot.byClient("client-a"))
                .get()
                .extracting(a -> a.status())
                .isEqualTo(AgentStatus.SUSPENDED);
        assertThat(snapshot.byClient("client-b")).isEmpty();
    }

    @Test
    void anOlderVersionNeverUndoesALaterOne() {
        snapshot.apply("did:sigil:a", agent("did:sigil:a", "client-a", "revoked", 5));
        assertThat(snapshot.apply("did:sigil:a", agent("did:sigil:a", "client-a", "active", 4)))
                .isEqualTo(Applied.STALE);
        assertThat(snapshot.byClient("client-a").orElseThrow().status()).isEqualTo(AgentStatus.REVOKED);
    }

    @Test
    void whenTwoAgentsClaimOneClientTheRefusingOneWins() {
        snapshot.apply("did:sigil:a", agent("did:sigil:a", "shared", "suspended", 1));
        snapshot.apply("did:sigil:b", agent("did:sigil:b", "shared", "active", 1));
        assertThat(snapshot.byClient("shared").orElseThrow().did()).isEqualTo("did:sigil:a");
    }

    @Test
    void malformedRecordsTombstonesAndForeignKeysChangeNothing() {
        snapshot.apply("did:sigil:a", agent("did:sigil:a", "client-a", "active", 1));
        assertThat(snapshot.apply("did:sigil:a", "{not json")).isEqualTo(Applied.MALFORMED);
        assertThat(snapshot.apply(
                        "did:sigil:a", "{\"did\":\"did:sigil:a\",\"client_id\":\"client-a\",\"status\":\"deity\"}"))
                .isEqualTo(Applied.MALFORMED);
        // A record whose key is not its own DID could be a misrouted write: refused.
        assertThat(snapshot.apply("did:sigil:x", agent("did:sigil:a", "client-a", "revoked", 9)))
                .isEqualTo(Applied.MALFORMED);
        assertThat(snapshot.apply("did:sigil:a", null)).isEqualTo(Applied.IGNORED);
        assertThat(snapshot.apply("something-else", "{}")).isEqualTo(Applied.IGNORED);
        assertThat(snapshot.byClient("client-a").orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Test
    void trustRulesAreTakenOnlyWhenValidAndNotOlder() throws Exception {
        assertThat(snapshot.rules()).isEmpty();
        TrustRules v1 = TrustRules.defaults();
        assertThat(snapshot.apply(IdentityRecords.TRUST_RULES_KEY, JSON.writeValueAsString(v1)))
                .isEqualTo(Applied.RULES);
        String invalid = JSON.writeValueAsString(v1)
                .replace("\"version\":1", "\"version\":3")
                .replace("\"bearer\"", "\"carrier-pigeon\"");
        assertThat(snapshot.apply(IdentityRecords.TRUST_RULES_KEY, invalid)).isEqualTo(Applied.MALFORMED);
        assertThat(snapshot.rules()).contains(v1);
        String older = JSON.writeValueAsString(v1).replace("\"version\":1", "\"version\":0");
        assertThat(snapshot.apply(IdentityRecords.TRUST_RULES_KEY, older)).isIn(Applied.STALE, Applied.MALFORMED);
        assertThat(snapshot.rules()).contains(v1);
    }

    private static String agent(String did, String clientId, String status, long version) {
        return "{\"did\":\"" + did + "\",\"client_id\":\"" + clientId
                + "\",\"owner\":\"team\",\"allowed_upstreams\":[\"demo\"],"
                + "\"max_trust_level\":\"High\",\"status\":\"" + status + "\",\"version\":" + version
                + ",\"created_at\":\"2026-11-23T10:00:00Z\",\"updated_at\":\"2026-11-23T10:00:00Z\"}";
    }
}
