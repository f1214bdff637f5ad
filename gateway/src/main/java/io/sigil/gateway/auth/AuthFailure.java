package io.sigil.gateway.auth;

/**
 * Why a bearer token was refused: the {@code reason} of the audit event and the {@code error_description}
 * of the 401 challenge. Descriptions are fixed texts, never exception messages, so nothing of the token leaks.
 */
public enum AuthFailure {
    MISSING_TOKEN("missing_token", null),
    MALFORMED_TOKEN("malformed_token", "the token is not a well-formed JWS compact serialization"),
    UNSUPPORTED_ALGORITHM("unsupported_algorithm", "the token's signature algorithm is not accepted"),
    UNKNOWN_KEY("unknown_key", "the token names no signing key of the authorization server"),
    INVALID_SIGNATURE("invalid_signature", "the token's signature does not verify"),
    EXPIRED("expired", "the token has expired"),
    NOT_YET_VALID("not_yet_valid", "the token is not valid yet"),
    WRONG_AUDIENCE("wrong_audience", "the token was not issued for this resource"),
    WRONG_ISSUER("wrong_issuer", "the token was not issued by the trusted authorization server"),
    INVALID_TOKEN("invalid_token", "the token was rejected"),
    KEYS_UNAVAILABLE(
            "keys_unavailable", "the authorization server's signing keys could not be fetched to verify the token"),
    DPOP_PROOF_MISSING("dpop_proof_missing", "the token is DPoP-bound and the request carries no DPoP proof"),
    DPOP_PROOF_INVALID("dpop_proof_invalid", "the DPoP proof is not valid for this request and token"),
    DPOP_PROOF_REPLAYED("dpop_proof_replayed", "the DPoP proof was already used"),
    DPOP_KEY_MISMATCH("dpop_key_mismatch", "the DPoP proof is not signed by the key the token is bound to"),
    NOT_DPOP_BOUND("not_dpop_bound", "the DPoP scheme was used with a token that is not DPoP-bound"),
    UNSUPPORTED_BINDING(
            "unsupported_binding", "the token is bound to a TLS client certificate the gateway cannot check");

    private final String reason;
    private final String description;

    AuthFailure(String reason, String description) {
        this.reason = reason;
        this.description = description;
    }

    public String reason() {
        return reason;
    }

    /** The RFC 6750 {@code error_description}; {@code null} when no token was presented. */
    public String description() {
        return description;
    }

    /** Whether the refusal concerns the DPoP proof, answered with a {@code DPoP} challenge (RFC 9449 §7.1). */
    public boolean dpopProof() {
        return this == DPOP_PROOF_MISSING
                || this == DPOP_PROOF_INVALID
                || this == DPOP_PROOF_REPLAYED
                || this == DPOP_KEY_MISMATCH;
    }
}
