package io.sigil.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code _sigil} member the gateway adds to every answer (seed 001). Every field is derived by the
 * gateway; a {@code _sigil} sent by a client is never taken as a claim.
 *
 * @param identity who called, as verified
 * @param trustLevel the trust level the gateway derived
 * @param policyApproved whether policy allowed the call
 * @param policyRule the rule that decided
 * @param auditId the id of the audit event that records this exchange
 * @param scanned whether the exchange was scanned
 * @param interceptions what was vaulted and replaced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SigilEnvelope(
        String identity,
        @JsonProperty("trust_level") TrustLevel trustLevel,
        @JsonProperty("policy_approved") Boolean policyApproved,
        @JsonProperty("policy_rule") String policyRule,
        @JsonProperty("audit_id") String auditId,
        Boolean scanned,
        List<Interception> interceptions) {

    public SigilEnvelope {
        interceptions = interceptions == null ? List.of() : List.copyOf(interceptions);
    }

    /** The member name of the seed's form: a top-level {@code _sigil} beside {@code result} or {@code error}. */
    public static final String MEMBER = "_sigil";

    /**
     * The key under which the envelope travels by default: in {@code result._meta}, or in {@code error.data},
     * MCP's own extension points, which strict clients (the official TypeScript SDK) accept.
     */
    public static final String META_KEY = "io.sigil/envelope";

    /** The envelope in an answer, wherever the gateway put it; a missing node if there is none. */
    public static JsonNode locate(JsonNode answer) {
        if (answer.has(MEMBER)) {
            return answer.get(MEMBER);
        }
        if (answer.path("result").path("_meta").has(META_KEY)) {
            return answer.path("result").path("_meta").get(META_KEY);
        }
        return answer.path("error").path("data").path(META_KEY);
    }
}
