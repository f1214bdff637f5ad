package io.sigil.gateway.config;

import io.sigil.gateway.audit.ShortDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version of the rules the gateway decides by: a digest of every setting that changes a decision (the
 * chain, trust floors, risk classes, which classes audit awaits or writes ahead, pinning, origins, token
 * checks). Every decision's audit event names it, so a SOC can tell which configuration allowed or refused a
 * call, and that two gateways decided by the same rules. Until the gateway evaluates policy-service bundles,
 * its own configuration is the bundle.
 */
public record PolicyVersion(String value) {

    /** For tests and tools that build stages by hand. */
    public static final PolicyVersion UNVERSIONED = new PolicyVersion("unversioned");

    public static PolicyVersion of(GatewayConfig config) {
        Map<String, String> rules = new TreeMap<>();
        rules.put("stages", String.join(",", config.stages()));
        config.toolTrust().forEach((tool, level) -> rules.put("tool-trust." + tool, level.wireName()));
        config.riskClasses().forEach((tool, risk) -> rules.put("risk-classes." + tool, risk.wireName()));
        rules.put(
                "audit-awaited-for",
                sorted(config.auditAwaitedFor().stream().map(r -> r.wireName()).toList()));
        rules.put(
                "audit-write-ahead-for",
                sorted(config.auditWriteAheadFor().stream()
                        .map(r -> r.wireName())
                        .toList()));
        rules.put("pinning.on-change", config.pinning().onChange().name());
        rules.put("pinning.on-injection", config.pinning().onInjection().name());
        rules.put("allowed-origins", sorted(config.allowedOrigins().orElse(List.of())));
        rules.put("max-json-depth", Integer.toString(config.maxJsonDepth()));
        rules.put("scopes", sorted(config.scopes().orElse(List.of())));
        rules.put("token-algorithms", sorted(config.tokenAlgorithms()));
        rules.put("token.audiences", sorted(config.token().audiences()));
        rules.put("sessions.required", Boolean.toString(config.sessions().required()));
        return of(rules);
    }

    /** The version of these rules: the first 16 bytes of SHA-256 over {@code name=value} lines in name order. */
    static PolicyVersion of(Map<String, String> rules) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(rules)
                .forEach((name, value) ->
                        text.append(name).append('=').append(value).append('\n'));
        return new PolicyVersion("gw-" + ShortDigest.of(text.toString()));
    }

    private static String sorted(Collection<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return String.join(",", copy);
    }
}
