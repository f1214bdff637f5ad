package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.scan.ActiveScanner;
import io.sigil.gateway.scan.FindingMasker;
import io.sigil.gateway.vault.SealedFindings;
import io.sigil.gateway.vault.Vault;
import io.sigil.gateway.vault.VaultSealException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Scans the arguments of tool calls, prompt requests and completions before they leave for the upstream, and
 * replaces every finding by its vault pointer: a secret an agent passes on does not reach the tool server in
 * plaintext. What the pointers stand for is sealed in the vault, and the call waits until the broker has it; a call
 * whose findings cannot be vaulted is refused, as is a document the scanner cannot walk.
 */
public final class RequestScanStage implements Stage {

    public static final String NAME = "request-scan";
    static final String DIRECTION = "request";
    private static final Set<String> SCANNED = Set.of("tools/call", "prompts/get", "completion/complete");

    private final ActiveScanner scanner;
    private final Vault vault;

    /** A stage that replaces findings without keeping them, for tests of the scan alone. */
    RequestScanStage(ActiveScanner scanner) {
        this(scanner, null);
    }

    public RequestScanStage(ActiveScanner scanner, Vault vault) {
        this.scanner = scanner;
        this.vault = vault;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        if (!SCANNED.contains(String.valueOf(exchange.method()))
                || !(exchange.request().get("params") instanceof ObjectNode params)) {
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        // A completion carries what is typed in "argument"; tools and prompts carry "arguments".
        String member = params.has("arguments") ? "arguments" : "argument";
        JsonNode part = params.get(member);
        if (part == null) {
            exchange.scanned(true);
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        SealedFindings sealed = vault == null ? null : vault.batch();
        JsonNode masked;
        try (sealed) {
            masked = FindingMasker.scanAndMask(
                    part, scanner.engine(), "/params/" + member, DIRECTION, exchange.interceptions(), sealed);
        } catch (IllegalArgumentException unwalkable) {
            return CompletableFuture.completedFuture(StageResult.reject(
                    JsonRpcError.INVALID_PARAMS, "the arguments cannot be scanned, so they are not passed on", 400));
        } catch (VaultSealException unsealable) {
            return CompletableFuture.completedFuture(VaultWrites.refusal(unsealable));
        }
        exchange.scanned(true);
        if (masked == part) {
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        params.set(member, masked);
        if (sealed == null) {
            return CompletableFuture.completedFuture(StageResult.CONTINUE);
        }
        // The call goes on only once what its pointers stand for is durable: a tool allowed to resolve a pointer
        // must find its entry.
        return VaultWrites.then(vault, sealed, StageResult.CONTINUE);
    }
}
