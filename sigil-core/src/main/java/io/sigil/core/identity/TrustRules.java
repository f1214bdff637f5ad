package io.sigil.core.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sigil.core.model.TrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data that maps a token's facts to a trust level: identity-service owns and publishes it, the gateway
 * applies it. A caller's trust is the minimum over three axes (the person's assurance, how the client
 * authenticated, whether the token is sender-constrained), so no axis can make up for another.
 *
 * @param version increases with every published change
 * @param human the person's assurance
 * @param clientAuthentication levels by client authentication method ({@code client_secret}, {@code private_key_jwt},
 *     {@code tls_client_auth}, {@code none})
 * @param unknownClientAuthentication the level when the method is absent or not in the table
 * @param binding levels by token binding ({@code bearer}, {@code dpop}, {@code mtls})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrustRules(
        long version,
        HumanRules human,
        @JsonProperty("client_authentication") Map<String, TrustLevel> clientAuthentication,
        @JsonProperty("unknown_client_authentication") TrustLevel unknownClientAuthentication,
        Map<String, TrustLevel> binding) {

    /**
     * The person's axis.
     *
     * @param acr levels by {@code acr} value (eIDAS names and URIs)
     * @param unknownAcr the level when a person authenticated but {@code acr} is absent or not in the table
     * @param serviceAccount the level of this axis when no person is involved
     * @param amrRequired for a level, the {@code amr} values of which at least one must be present to hold it
     * @param maxAuthAgeSeconds for a level, how old {@code auth_time} may be to hold it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HumanRules(
            Map<String, TrustLevel> acr,
            @JsonProperty("unknown_acr") TrustLevel unknownAcr,
            @JsonProperty("service_account") TrustLevel serviceAccount,
            @JsonProperty("amr_required") Map<String, List<String>> amrRequired,
            @JsonProperty("max_auth_age_seconds") Map<String, Long> maxAuthAgeSeconds) {

        public HumanRules {
            acr = copy(acr);
            amrRequired = byLevelName(amrRequired);
            maxAuthAgeSeconds = byLevelName(maxAuthAgeSeconds);
        }

        /** Keys that name a level are written in its wire form ({@code High}), whatever their case was. */
        private static <V> Map<String, V> byLevelName(Map<String, V> table) {
            Map<String, V> normalised = new LinkedHashMap<>();
            if (table != null) {
                table.forEach((key, value) -> normalised.put(levelName(key), value));
            }
            return java.util.Collections.unmodifiableMap(normalised);
        }

        private static String levelName(String key) {
            try {
                return TrustLevel.fromWire(key).wireName();
            } catch (IllegalArgumentException notALevel) {
                return key;
            }
        }
    }

    public TrustRules {
        clientAuthentication = copy(clientAuthentication);
        binding = copy(binding);
    }

    /** An unmodifiable copy that keeps null values, so that {@link #problems()} can name them. */
    private static <V> Map<String, V> copy(Map<String, V> table) {
        return table == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(table));
    }

    /**
     * The rules shipped as version 1: eIDAS low/substantial/high for people; a shared secret is worth Medium, a
     * signed assertion or a TLS client certificate High; an unbound bearer token Medium, a DPoP- or
     * certificate-bound token High.
     */
    public static TrustRules defaults() {
        Map<String, TrustLevel> acr = new LinkedHashMap<>();
        acr.put("low", TrustLevel.LOW);
        acr.put("substantial", TrustLevel.MEDIUM);
        acr.put("high", TrustLevel.HIGH);
        acr.put("http://eidas.europa.eu/LoA/low", TrustLevel.LOW);
        acr.put("http://eidas.europa.eu/LoA/substantial", TrustLevel.MEDIUM);
        acr.put("http://eidas.europa.eu/LoA/high", TrustLevel.HIGH);
        return new TrustRules(
                1,
                new HumanRules(acr, TrustLevel.UNTRUSTED, TrustLevel.HIGH, Map.of(), Map.of()),
                Map.of(
                        "none", TrustLevel.LOW,
                        "client_secret", TrustLevel.MEDIUM,
                        "private_key_jwt", TrustLevel.HIGH,
                        "tls_client_auth", TrustLevel.HIGH),
                TrustLevel.UNTRUSTED,
                Map.of("bearer", TrustLevel.MEDIUM, "dpop", TrustLevel.HIGH, "mtls", TrustLevel.HIGH));
    }

    /** What is wrong with these rules, in sentences; empty when they can be applied. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (version < 1) {
            problems.add("version must be 1 or more");
        }
        if (human == null) {
            problems.add("human must be given");
        } else {
            if (human.acr().isEmpty()) {
                problems.add("human.acr must map at least one acr value to a level");
            }
            if (human.acr().containsValue(null)) {
                problems.add("human.acr must map every acr value to a level");
            }
            if (human.unknownAcr() == null) {
                problems.add("human.unknown_acr must be given");
            }
            if (human.serviceAccount() == null) {
                problems.add("human.service_account must be given");
            }
            human.amrRequired().forEach((level, values) -> {
                requireLevel(problems, "human.amr_required", level);
                if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
                    problems.add("human.amr_required." + level + " must list at least one amr value, none blank");
                }
            });
            human.maxAuthAgeSeconds().forEach((level, seconds) -> {
                requireLevel(problems, "human.max_auth_age_seconds", level);
                if (seconds == null || seconds <= 0) {
                    problems.add("human.max_auth_age_seconds." + level + " must be a positive number of seconds");
                }
            });
        }
        if (clientAuthentication.isEmpty() || clientAuthentication.containsValue(null)) {
            problems.add("client_authentication must map at least one method, each to a level");
        }
        if (unknownClientAuthentication == null) {
            problems.add("unknown_client_authentication must be given");
        }
        for (TokenBinding kind : TokenBinding.values()) {
            if (binding.get(kind.wireName()) == null) {
                problems.add("binding must give a level for " + kind.wireName());
            }
        }
        return problems;
    }

    /** The caller's trust from a verified token's facts, at {@code now}. */
    public TrustAssessment assess(TokenFacts facts, Instant now) {
        TrustLevel person = facts.human() ? personLevel(facts, now) : human.serviceAccount();
        TrustLevel client = facts.clientAuthentication() == null
                ? unknownClientAuthentication
                : clientAuthentication.getOrDefault(facts.clientAuthentication(), unknownClientAuthentication);
        TrustLevel bound = binding.getOrDefault(facts.binding().wireName(), TrustLevel.UNTRUSTED);
        return new TrustAssessment(person.min(client).min(bound), person, client, bound, version);
    }

    /**
     * The {@code acr} values that would give a person at least {@code required}, strongest last, for an RFC 9470
     * step-up challenge; empty when no value reaches it.
     */
    public List<String> acrValuesFor(TrustLevel required) {
        return human.acr().entrySet().stream()
                .filter(entry -> entry.getValue().atLeast(required))
                .sorted(Comparator.<Map.Entry<String, TrustLevel>, TrustLevel>comparing(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The longest authentication age that still allows {@code level}; null when the rules set none. */
    public Duration maxAuthAge(TrustLevel level) {
        Long seconds = human.maxAuthAgeSeconds().get(level.wireName());
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private TrustLevel personLevel(TokenFacts facts, Instant now) {
        TrustLevel claimed =
                facts.acr() == null ? human.unknownAcr() : human.acr().getOrDefault(facts.acr(), human.unknownAcr());
        // The person holds the highest level, at most the claimed one, whose amr and freshness demands are met.
        for (TrustLevel level = claimed; level != TrustLevel.UNTRUSTED; level = lower(level)) {
            if (meetsAmr(level, facts) && fresh(level, facts, now)) {
                return level;
            }
        }
        return TrustLevel.UNTRUSTED;
    }

    private boolean meetsAmr(TrustLevel level, TokenFacts facts) {
        List<String> wanted = human.amrRequired().get(level.wireName());
        return wanted == null || facts.amr().stream().anyMatch(wanted::contains);
    }

    private boolean fresh(TrustLevel level, TokenFacts facts, Instant now) {
        Duration limit = maxAuthAge(level);
        return limit == null
                || (facts.authTime() != null && !facts.authTime().plus(limit).isBefore(now));
    }

    private static TrustLevel lower(TrustLevel level) {
        return TrustLevel.values()[level.ordinal() - 1];
    }

    private static void requireLevel(List<String> problems, String field, String level) {
        try {
            TrustLevel.fromWire(level);
        } catch (IllegalArgumentException unknown) {
            problems.add(field + " names an unknown level: " + level);
        }
    }
}
