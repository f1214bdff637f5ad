package io.sigil.identity.registry;

import static io.sigil.identity.registry.StatusChange.Verdict.ALREADY;
import static io.sigil.identity.registry.StatusChange.Verdict.CHANGE;
import static io.sigil.identity.registry.StatusChange.Verdict.FORBIDDEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.core.identity.AgentStatus;
import org.junit.jupiter.api.Test;

class StatusChangeTest {

    @Test
    void anActiveAgentCanBeSuspendedOrRevokedAndIsAlreadyActive() {
        // Given an active agent
        // When each change is judged
        // Then suspension and revocation change it, reactivation is a no-op
        assertThat(StatusChange.SUSPEND.verdict(AgentStatus.ACTIVE)).isEqualTo(CHANGE);
        assertThat(StatusChange.REVOKE.verdict(AgentStatus.ACTIVE)).isEqualTo(CHANGE);
        assertThat(StatusChange.REACTIVATE.verdict(AgentStatus.ACTIVE)).isEqualTo(ALREADY);
    }

    @Test
    void aSuspendedAgentCanBeReactivatedOrRevoked() {
        // Given a suspended agent
        // When each change is judged
        // Then reactivation and revocation change it, suspension is a no-op
        assertThat(StatusChange.REACTIVATE.verdict(AgentStatus.SUSPENDED)).isEqualTo(CHANGE);
        assertThat(StatusChange.REVOKE.verdict(AgentStatus.SUSPENDED)).isEqualTo(CHANGE);
        assertThat(StatusChange.SUSPEND.verdict(AgentStatus.SUSPENDED)).isEqualTo(ALREADY);
    }

    @Test
    void aRevokedAgentNeverChangesAgain() {
        // Given a revoked agent
        // When each change is judged
        // Then reactivation and suspension are forbidden, revoking again is a no-op
        assertThat(StatusChange.REACTIVATE.verdict(AgentStatus.REVOKED)).isEqualTo(FORBIDDEN);
        assertThat(StatusChange.SUSPEND.verdict(AgentStatus.REVOKED)).isEqualTo(FORBIDDEN);
        assertThat(StatusChange.REVOKE.verdict(AgentStatus.REVOKED)).isEqualTo(ALREADY);
    }
}
