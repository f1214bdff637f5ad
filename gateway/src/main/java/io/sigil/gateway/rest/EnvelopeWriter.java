package io.sigil.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.SigilEnvelope;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.gateway.config.GatewayConfig.EnvelopePlacement;
import io.sigil.gateway.pipeline.Exchange;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the SIGIL envelope, derived only from what the gateway itself established, into an answer: by
 * default under MCP's extension points ({@code result._meta} or {@code error.data}, key
 * {@value SigilEnvelope#META_KEY}), which strict MCP clients accept; or as the seed's top-level {@code _sigil}.
 */
@ApplicationScoped
public class EnvelopeWriter {

    private final ObjectMapper mapper;
    private final EnvelopePlacement placement;

    @jakarta.inject.Inject
    public EnvelopeWriter(ObjectMapper mapper, GatewayConfig config) {
        this(mapper, config.envelope());
    }

    EnvelopeWriter(ObjectMapper mapper, EnvelopePlacement placement) {
        this.mapper = mapper;
        this.placement = placement;
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
        JsonNode json = mapper.valueToTree(envelope);
        if (placement == EnvelopePlacement.TOP_LEVEL) {
            answer.set(SigilEnvelope.MEMBER, json);
        } else if (answer.path("result").isObject()) {
            ((ObjectNode) answer.get("result")).withObject("/_meta").set(SigilEnvelope.META_KEY, json);
        } else if (answer.path("error").isObject()) {
            ObjectNode error = (ObjectNode) answer.get("error");
            if (error.path("data").isMissingNode() || error.path("data").isObject()) {
                error.withObject("/data").set(SigilEnvelope.META_KEY, json);
            }
        }
        return answer;
    }
}
