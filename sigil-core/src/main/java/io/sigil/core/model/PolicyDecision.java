package io.sigil.core.model;

import java.util.Objects;

/**
 * What a {@code SecurityPolicy} decided and why.
 *
 * @param decision allow, deny or confirm
 * @param rule the id of the rule that decided
 * @param reason a sentence for the caller and the audit trail
 * @param bundleVersion the version of the policy bundle that held the rule
 */
public record PolicyDecision(Decision decision, String rule, String reason, String bundleVersion) {

    public PolicyDecision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rule, "rule");
        reason = reason == null ? "" : reason;
        bundleVersion = bundleVersion == null ? "none" : bundleVersion;
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    public static PolicyDecision allow(String rule, String bundleVersion) {
        return new PolicyDecision(Decision.ALLOW, rule, "allowed", bundleVersion);
    }

    public static PolicyDecision deny(String rule, String reason, String bundleVersion) {
        return new PolicyDecision(Decision.DENY, rule, reason, bundleVersion);
    }
}
