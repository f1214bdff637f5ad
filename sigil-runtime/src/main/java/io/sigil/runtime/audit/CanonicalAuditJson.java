package io.sigil.runtime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.AuditEvent;
import io.sigil.ledger.Jcs;

/**
 * An audit event as the mesh's producers send it: its RFC 8785 canonical JSON. audit-service seals an event in that
 * form as received, in one pass over its bytes, where any other form costs it a parse and a second write; it seals
 * both alike.
 */
public final class CanonicalAuditJson {

    private CanonicalAuditJson() {}

    /** The canonical form; Jackson's own when a value has none (a lone surrogate), which the sealer takes as well. */
    public static String write(ObjectMapper mapper, AuditEvent event) throws JsonProcessingException {
        try {
            return Jcs.canonicalString(mapper.valueToTree(event));
        } catch (IllegalArgumentException noCanonicalForm) {
            return mapper.writeValueAsString(event);
        }
    }
}
