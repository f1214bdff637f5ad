package io.sigil.gateway.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** Parses request bodies with a nesting limit, so that a deeply nested body is refused before it costs anything. */
@ApplicationScoped
public class McpRequestParser {

    private final ObjectMapper strict;

    public McpRequestParser(GatewayConfig config) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxJsonDepth())
                        .build())
                .build();
        this.strict = new ObjectMapper(factory);
    }

    /** The parsed body, or an {@link IOException} whose message says what is wrong without echoing the body. */
    public JsonNode parse(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw new IOException("empty body");
        }
        try {
            JsonNode node = strict.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException tooDeep) {
            throw new IOException("JSON nested deeper than the limit");
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            throw new IOException(
                    "malformed JSON at line " + malformed.getLocation().getLineNr() + ", column "
                            + malformed.getLocation().getColumnNr());
        }
    }
}
