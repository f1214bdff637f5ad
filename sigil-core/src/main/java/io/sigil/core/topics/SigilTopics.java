package io.sigil.core.topics;

import java.util.List;

/** The Kafka topics of the mesh, in one place that services and tests share. */
public final class SigilTopics {

    /** Compacted: identity-service publishes agents, trust rules and revocations. */
    public static final String IDENTITIES = "sigil.identities";
    /** Compacted: policy-service publishes signed, versioned policy bundles. */
    public static final String POLICIES = "sigil.policies";
    /** Compacted: scan-service publishes signed, verified scanner packs. */
    public static final String SCANNERS = "sigil.scanners";
    /** Append: encrypted vault entries from the gateway to vault-service. */
    public static final String VAULT_ENTRIES = "sigil.vault.entries";
    /** Append: confirmation requests and decisions. */
    public static final String APPROVALS = "sigil.approvals";
    /** Append-only, never compacted: every security event of the mesh. */
    public static final String AUDIT_EVENTS = "sigil.audit.events";
    /** Append: signed chain heads. */
    public static final String AUDIT_CHECKPOINTS = "sigil.audit.checkpoints";
    /** Append: sealed events for the SOC. */
    public static final String AUDIT_SOC = "sigil.audit.soc";

    public static final List<String> COMPACTED = List.of(IDENTITIES, POLICIES, SCANNERS);
    public static final List<String> APPEND_ONLY =
            List.of(VAULT_ENTRIES, APPROVALS, AUDIT_EVENTS, AUDIT_CHECKPOINTS, AUDIT_SOC);

    private SigilTopics() {}
}
