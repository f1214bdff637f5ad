package io.sigil.core.identity;

/**
 * How records on the compacted identities topic are keyed: an agent under its DID, the trust rules under one
 * fixed key. A replica tells them apart by key alone.
 */
public final class IdentityRecords {

    /** The key of the trust-rules document. */
    public static final String TRUST_RULES_KEY = "sigil:trust-rules";

    /** The prefix of every agent's key. */
    public static final String DID_PREFIX = "did:sigil:";

    private IdentityRecords() {}

    public static boolean isAgent(String key) {
        return key != null && key.startsWith(DID_PREFIX);
    }

    public static boolean isTrustRules(String key) {
        return TRUST_RULES_KEY.equals(key);
    }
}
