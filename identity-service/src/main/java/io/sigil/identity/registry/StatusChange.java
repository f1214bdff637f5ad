package io.sigil.identity.registry;

import io.sigil.core.identity.AgentStatus;

/** An administrator's request to move an agent to another status, and whether its current status allows it. */
public enum StatusChange {
    SUSPEND(AgentStatus.SUSPENDED, "agents/suspend"),
    REACTIVATE(AgentStatus.ACTIVE, "agents/reactivate"),
    REVOKE(AgentStatus.REVOKED, "agents/revoke");

    private final AgentStatus target;
    private final String activity;

    StatusChange(AgentStatus target, String activity) {
        this.target = target;
        this.activity = activity;
    }

    public AgentStatus target() {
        return target;
    }

    /** The audit activity of the change. */
    public String activity() {
        return activity;
    }

    /** What this request means for an agent in {@code current} status. */
    public Verdict verdict(AgentStatus current) {
        if (current == target) {
            // Asking again for the state already stored is not an error, so that a retry after a 202 is safe.
            return Verdict.ALREADY;
        }
        return current.canBecome(target) ? Verdict.CHANGE : Verdict.FORBIDDEN;
    }

    /** What a status change does. */
    public enum Verdict {
        /** A new version with the target status. */
        CHANGE,
        /** Nothing: the agent already has the target status. */
        ALREADY,
        /** Refused: the current status is final. */
        FORBIDDEN
    }
}
