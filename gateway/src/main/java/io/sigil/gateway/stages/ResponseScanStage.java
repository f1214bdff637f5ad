package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.scan.Finding;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.scan.ActiveScanner;
import io.sigil.gateway.scan.FindingMasker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Scans what the upstream answers — the result or the error of any method — before it leaves the gateway, and
 * replaces every finding by its vault pointer, so the model never sees a secret a tool returned. An answer the
 * scanner cannot walk is refused, never passed unscanned.
 */
public final class ResponseScanStage implements Stage {

    public static final String NAME = "response-scan";
    static final String DIRECTION = "response";
    static final String NOTIFICATION = "notification";
    private static final Logger LOG = Logger.getLogger(ResponseScanStage.class);

    private final ActiveScanner scanner;

    public ResponseScanStage(ActiveScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        exchange.onAnswer(answer -> CompletableFuture.completedFuture(scanned(exchange, answer)));
        exchange.onNotification(notification -> scannedNotification(exchange, notification));
        return CompletableFuture.completedFuture(StageResult.CONTINUE);
    }

    /** A notification relayed to the caller (progress) is scanned like an answer; one that cannot be is withheld. */
    private ObjectNode scannedNotification(Exchange exchange, ObjectNode notification) {
        JsonNode params = notification.get("params");
        if (params == null) {
            return notification;
        }
        List<Finding> findings;
        try {
            findings = scanner.engine().findings(params);
        } catch (IllegalArgumentException unwalkable) {
            LOG.warnf("a notification for audit id %s cannot be scanned; withheld", exchange.auditId());
            return null;
        }
        if (findings.isEmpty()) {
            return notification;
        }
        ObjectNode masked = notification.deepCopy();
        masked.set("params", FindingMasker.mask(params, findings));
        for (Finding finding : findings) {
            exchange.interceptions().add(FindingMasker.interception(finding, "/params", NOTIFICATION));
        }
        return masked;
    }

    private StageResult scanned(Exchange exchange, ObjectNode answer) {
        ObjectNode out = answer;
        for (String member : new String[] {"result", "error"}) {
            JsonNode part = answer.get(member);
            if (part == null) {
                continue;
            }
            List<Finding> findings;
            try {
                findings = scanner.engine().findings(part);
            } catch (IllegalArgumentException unwalkable) {
                return StageResult.reject(
                        JsonRpcError.UPSTREAM_INVALID, "the upstream's answer cannot be scanned; refused", 502);
            }
            if (!findings.isEmpty()) {
                if (out == answer) {
                    out = answer.deepCopy();
                }
                out.set(member, FindingMasker.mask(part, findings));
                for (Finding finding : findings) {
                    exchange.interceptions().add(FindingMasker.interception(finding, "/" + member, DIRECTION));
                }
            }
        }
        exchange.scanned(true);
        return StageResult.respond(out);
    }
}
