package io.sigil.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.SigilEnvelope;
import io.sigil.gateway.pipeline.Exchange;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the {@code _sigil} envelope, derived only from what the gateway itself established, into an answer. */
@ApplicationScoped
public class EnvelopeWriter {

    private final ObjectMapper mapper;

    public EnvelopeWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode write(ObjectNode answer, Exchange exchange) {
        SigilEnvelope envelope = new SigilEnvelope(
                exchange.caller() == null ? null : exchange.caller().displayName(),
                exchange.caller() == null ? null : exchange.caller().trustLevel(),
                exchange.decision() == null ? null : exchange.decision().allowed(),
                exchange.decision() == null ? null : exchange.decision().rule(),
                exchange.auditId(),
                exchange.scanned(),
                exchange.interceptions());
        answer.set(SigilEnvelope.MEMBER, mapper.valueToTree(envelope));
        return answer;
    }
}
