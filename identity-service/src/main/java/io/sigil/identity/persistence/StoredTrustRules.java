package io.sigil.identity.persistence;

import io.sigil.core.identity.TrustRules;

/**
 * A trust-rules document as stored.
 *
 * @param rules the rules, their version included
 * @param published whether the identities topic has acknowledged this version
 */
public record StoredTrustRules(TrustRules rules, boolean published) {}
