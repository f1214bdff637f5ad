package io.sigil.core.identity;

import io.sigil.core.model.TrustLevel;

/**
 * A caller's trust and the axis levels it is the minimum of, so that a refusal can say which axis fell short
 * (only a shortfall of the human axis can be cured by a step-up).
 *
 * @param level the minimum of the axes, before the registry's cap for the agent
 * @param human the person's assurance (the configured service-account level when no person is involved)
 * @param client how strongly the client authenticated
 * @param binding whether the token is sender-constrained
 * @param rulesVersion the version of the trust rules that produced it
 */
public record TrustAssessment(
        TrustLevel level, TrustLevel human, TrustLevel client, TrustLevel binding, long rulesVersion) {

    /** This assessment capped by the registry's maximum for the agent. */
    public TrustAssessment cappedAt(TrustLevel max) {
        return new TrustAssessment(level.min(max), human, client, binding, rulesVersion);
    }
}
