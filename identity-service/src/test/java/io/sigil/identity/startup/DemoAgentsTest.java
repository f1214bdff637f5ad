package io.sigil.identity.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.identity.registry.AgentRules;
import io.sigil.identity.registry.NewAgent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoAgentsTest {

    @Test
    void theSeedListsTheSixDemoClientsValidAndWithTheirLevels() {
        // Given the shipped seed, read as strictly as a request
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        // When it is loaded
        List<NewAgent> agents = DemoAgents.load(mapper);

        // Then every agent is valid, named did:sigil:<client>, owned by sigil-demo, limited to the demo upstream
        assertThat(agents).allSatisfy(agent -> {
            assertThat(AgentRules.problems(agent, "did:sigil:registry")).isEmpty();
            assertThat(agent.did()).isEqualTo("did:sigil:" + agent.clientId());
            assertThat(agent.owner()).isEqualTo("sigil-demo");
            assertThat(agent.allowedUpstreams()).containsExactly("demo");
        });
        Map<String, String> levels =
                agents.stream().collect(Collectors.toMap(NewAgent::clientId, NewAgent::maxTrustLevel));
        assertThat(levels)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "demo-agent-low", "Low",
                        "demo-agent-medium", "Medium",
                        "demo-agent-high", "High",
                        "demo-agent-short-lived", "Medium",
                        "demo-agent-signed", "High",
                        "sigil-cli", "High"));
    }
}
