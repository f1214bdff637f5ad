package io.sigil.gateway.risk;

import io.sigil.gateway.pipeline.Exchange;
import java.util.Map;
import java.util.Set;

/**
 * The risk class of an exchange: a tool call takes its tool's configured class (unclassified if none); the
 * protocol's listing, reading and handshake methods are read-only; any other method is unclassified.
 */
public final class RiskClassifier {

    private static final Set<String> READ_METHODS = Set.of(
            "initialize",
            "ping",
            "tools/list",
            "resources/list",
            "resources/read",
            "resources/templates/list",
            "prompts/list",
            "prompts/get",
            "completion/complete");

    private final Map<String, RiskClass> byTool;

    public RiskClassifier(Map<String, RiskClass> byTool) {
        this.byTool = Map.copyOf(byTool);
    }

    public RiskClass classify(Exchange exchange) {
        String method = exchange.method();
        if ("tools/call".equals(method)) {
            String tool = exchange.toolName();
            return tool == null ? RiskClass.UNCLASSIFIED : byTool.getOrDefault(tool, RiskClass.UNCLASSIFIED);
        }
        return method != null && READ_METHODS.contains(method) ? RiskClass.READ_ONLY : RiskClass.UNCLASSIFIED;
    }
}
