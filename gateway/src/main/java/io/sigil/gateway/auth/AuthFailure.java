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
    INVALID_TOKEN("invalid_token", "the token was rejected");

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
}
