package io.sigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sigil realm, as the real Keycloak of the test devstack serves it, gives each caller the claims the mesh relies on. */
class RealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakTokens tokens;
    private static StackState state;

    @BeforeAll
    static void stack() {
        state = DevStackClient.ensureRunning(StackProfile.TEST);
        tokens = new KeycloakTokens(state.realmUrl());
    }

    private static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray()
                ? JSON.convertValue(aud, JSON.getTypeFactory().constructCollectionType(List.class, String.class))
                : List.of(aud.asText());
    }

    @Test
    void demoAgentsCarryTheGatewayAudienceTheAgentRoleAndHowTheyAuthenticate() throws Exception {
        for (String tier : List.of("low", "medium", "high")) {
            JsonNode claims = claims(tokens.clientCredentials("demo-agent-" + tier));

            assertThat(audiences(claims)).contains("sigil-gateway");
            assertThat(claims.path("realm_access").path("roles").findValuesAsText("roles"))
                    .isEmpty();
            assertThat(claims.path("realm_access").path("roles").toString()).contains("\"agent\"");
            assertThat(claims.path("sigil_client_auth").asText()).isEqualTo("client_secret");
            assertThat(claims.path("azp").asText()).isEqualTo("demo-agent-" + tier);
            assertThat(claims.path("iss").asText()).isEqualTo(state.realmUrl());
        }
    }

    @Test
    void theSignedClientAuthenticatesWithItsKeyAndGetsDpopBoundTokens() throws Exception {
        DpopKey key = DpopKey.generate();
        JsonNode claims = claims(tokens.signedClientCredentials(key));

        assertThat(claims.path("azp").asText()).isEqualTo("demo-agent-signed");
        assertThat(claims.path("sigil_client_auth").asText()).isEqualTo("private_key_jwt");
        assertThat(claims.path("cnf").path("jkt").asText()).isEqualTo(key.thumbprint());
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"agent\"");
        // People may log in through it too, and keep their eIDAS level.
        assertThat(claims(tokens.signedPassword("bob", null)).path("acr").asText())
                .isEqualTo("substantial");
    }

    @Test
    void eachClientsAuthenticationClaimMatchesHowTheRealmAuthenticatesIt() throws Exception {
        // The claim is asserted by configuration: it must not drift from the client's real authenticator.
        JsonNode realm = JSON.readTree(RealmTest.class.getResourceAsStream("/devstack/keycloak/sigil-realm.json"));
        for (JsonNode client : realm.path("clients")) {
            for (JsonNode mapper : client.path("protocolMappers")) {
                if (mapper.path("config").path("claim.name").asText().equals("sigil_client_auth")) {
                    String expected = client.path("publicClient").asBoolean()
                            ? "none"
                            : client.path("clientAuthenticatorType")
                                            .asText("client-secret")
                                            .equals("client-jwt")
                                    ? "private_key_jwt"
                                    : "client_secret";
                    assertThat(mapper.path("config").path("claim.value").asText())
                            .as(client.path("clientId").asText())
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void demoUsersCarryTheirEidasLevelAsAcr() throws Exception {
        assertThat(claims(tokens.password("alice")).path("acr").asText()).isEqualTo("low");
        assertThat(claims(tokens.password("bob")).path("acr").asText()).isEqualTo("substantial");
        assertThat(claims(tokens.password("carol")).path("acr").asText()).isEqualTo("high");
        assertThat(audiences(claims(tokens.password("carol")))).contains("sigil-gateway");
    }

    @Test
    void theSocClientIsAnAuditorAndNotAnAgent() throws Exception {
        JsonNode roles = claims(tokens.clientCredentials("sigil-soc"))
                .path("realm_access")
                .path("roles");

        assertThat(roles.toString()).contains("\"auditor\"").doesNotContain("\"agent\"");
    }

    @Test
    void aWrongSecretGetsNoToken() {
        assertThatThrownBy(() -> tokens.clientCredentials("demo-agent-high", "not-the-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused");
    }
}
