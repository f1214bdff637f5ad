package io.sigil.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.TrustLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final TrustRules rules = TrustRules.defaults();

    @Test
    void theDefaultsAreValid() {
        assertThat(rules.problems()).isEmpty();
    }

    @Test
    void trustIsTheMinimumOfTheThreeAxes() {
        // A person at eIDAS high, through a secret client, with a bearer token: the client and binding cap it.
        TrustAssessment bearer = rules.assess(person("high", "client_secret", TokenBinding.BEARER), NOW);
        assertThat(bearer.human()).isEqualTo(TrustLevel.HIGH);
        assertThat(bearer.client()).isEqualTo(TrustLevel.MEDIUM);
        assertThat(bearer.level()).isEqualTo(TrustLevel.MEDIUM);
        // A signed client assertion and a DPoP-bound token lift both caps.
        assertThat(rules.assess(person("high", "private_key_jwt", TokenBinding.DPOP), NOW)
                        .level())
                .isEqualTo(TrustLevel.HIGH);
        // A low person stays low whatever the client does.
        assertThat(rules.assess(person("low", "private_key_jwt", TokenBinding.DPOP), NOW)
                        .level())
                .isEqualTo(TrustLevel.LOW);
        // eIDAS LoA URIs count like their names.
        assertThat(rules.assess(
                                person("http://eidas.europa.eu/LoA/substantial", "private_key_jwt", TokenBinding.MTLS),
                                NOW)
                        .level())
                .isEqualTo(TrustLevel.MEDIUM);
    }

    @Test
    void unknownFactsAreUntrusted() {
        assertThat(rules.assess(person("1", "private_key_jwt", TokenBinding.DPOP), NOW)
                        .level())
                .isEqualTo(TrustLevel.UNTRUSTED);
        assertThat(rules.assess(person(null, "private_key_jwt", TokenBinding.DPOP), NOW)
                        .level())
                .isEqualTo(TrustLevel.UNTRUSTED);
        assertThat(rules.assess(person("high", null, TokenBinding.DPOP), NOW).level())
                .isEqualTo(TrustLevel.UNTRUSTED);
        assertThat(rules.assess(person("high", "client_secret_jwt_from_nowhere", TokenBinding.DPOP), NOW)
                        .level())
                .isEqualTo(TrustLevel.UNTRUSTED);
    }

    @Test
    void aServiceAccountIsJudgedByItsClientAndBindingOnly() {
        TokenFacts service = new TokenFacts(false, null, List.of(), null, "private_key_jwt", TokenBinding.DPOP);
        assertThat(rules.assess(service, NOW).level()).isEqualTo(TrustLevel.HIGH);
        TokenFacts secret = new TokenFacts(false, null, List.of(), null, "client_secret", TokenBinding.BEARER);
        assertThat(rules.assess(secret, NOW).level()).isEqualTo(TrustLevel.MEDIUM);
    }

    @Test
    void amrAndFreshnessDemandsLowerThePersonsLevelStepByStep() {
        TrustRules strict = new TrustRules(
                2,
                new TrustRules.HumanRules(
                        rules.human().acr(),
                        TrustLevel.UNTRUSTED,
                        TrustLevel.HIGH,
                        Map.of("high", List.of("hwk", "mfa")),
                        Map.of("High", 900L, "MEDIUM", 43_200L)),
                rules.clientAuthentication(),
                TrustLevel.UNTRUSTED,
                rules.binding());
        assertThat(strict.problems()).isEmpty();
        Instant fresh = NOW.minusSeconds(60);
        Instant hoursAgo = NOW.minusSeconds(3_600);
        Instant daysAgo = NOW.minusSeconds(200_000);
        assertThat(strict.assess(person("high", List.of("pwd", "mfa"), fresh), NOW)
                        .human())
                .isEqualTo(TrustLevel.HIGH);
        // Without a second factor the person holds the next level down.
        assertThat(strict.assess(person("high", List.of("pwd"), fresh), NOW).human())
                .isEqualTo(TrustLevel.MEDIUM);
        // An hour-old login is too old for High but fine for Medium; a days-old one only for Low.
        assertThat(strict.assess(person("high", List.of("mfa"), hoursAgo), NOW).human())
                .isEqualTo(TrustLevel.MEDIUM);
        assertThat(strict.assess(person("high", List.of("mfa"), daysAgo), NOW).human())
                .isEqualTo(TrustLevel.LOW);
        // No auth_time at all cannot prove freshness.
        assertThat(strict.assess(person("substantial", List.of(), null), NOW).human())
                .isEqualTo(TrustLevel.LOW);
    }

    @Test
    void stepUpNamesTheAcrValuesThatReachTheRequiredLevel() {
        assertThat(rules.acrValuesFor(TrustLevel.HIGH)).containsExactly("high", "http://eidas.europa.eu/LoA/high");
        assertThat(rules.acrValuesFor(TrustLevel.MEDIUM))
                .containsExactly(
                        "http://eidas.europa.eu/LoA/substantial",
                        "substantial",
                        "high",
                        "http://eidas.europa.eu/LoA/high");
    }

    @Test
    void brokenRulesAreDescribed() {
        TrustRules broken = new TrustRules(
                0,
                new TrustRules.HumanRules(Map.of(), null, null, Map.of("Godlike", List.of()), Map.of("High", -5L)),
                Map.of(),
                null,
                Map.of("bearer", TrustLevel.LOW));
        assertThat(broken.problems())
                .contains(
                        "version must be 1 or more",
                        "human.acr must map at least one acr value to a level",
                        "human.unknown_acr must be given",
                        "human.service_account must be given",
                        "human.amr_required names an unknown level: Godlike",
                        "human.max_auth_age_seconds.High must be a positive number of seconds",
                        "client_authentication must map at least one method, each to a level",
                        "unknown_client_authentication must be given",
                        "binding must give a level for dpop",
                        "binding must give a level for mtls");
    }

    @Test
    void theRulesRoundTripThroughJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(rules);
        assertThat(json).contains("\"client_authentication\"", "\"service_account\":\"High\"");
        TrustRules read = mapper.readValue(json, TrustRules.class);
        assertThat(read).isEqualTo(rules);
    }

    private static TokenFacts person(String acr, String client, TokenBinding binding) {
        return new TokenFacts(true, acr, List.of(), NOW, client, binding);
    }

    private static TokenFacts person(String acr, List<String> amr, Instant authTime) {
        return new TokenFacts(true, acr, amr, authTime, "private_key_jwt", TokenBinding.DPOP);
    }
}
