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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Scans what the upstream answers — the result or the error of any method — before it leaves the gateway, and
 * replaces every finding by its vault pointer, so the model never sees a secret a tool returned. What the pointers
 * stand for is sealed in the vault, and the answer waits until the broker has it; an answer whose findings cannot be
 * vaulted is refused, as is one the scanner cannot walk.
 */
public final class ResponseScanStage implements Stage {

    public static final String NAME = "response-scan";
    static final String DIRECTION = "response";
    static final String NOTIFICATION = "notification";
    private static final List<String> ANSWER_MEMBERS = List.of("result", "error");
    private static final List<String> NOTICE_MEMBERS = List.of("params");
    static final String WITHHELD_UNSCANNABLE = "unscannable";
    static final String WITHHELD_UNSEALABLE = "unsealable";
    static final String WITHHELD_VAULT_UNAVAILABLE = "vault_unavailable";
    private static final Logger LOG = Logger.getLogger(ResponseScanStage.class);

    private final ActiveScanner scanner;
    private final Vault vault;

    /** A stage that replaces findings without keeping them, for tests of the scan alone. */
    ResponseScanStage(ActiveScanner scanner) {
        this(scanner, null);
    }

    public ResponseScanStage(ActiveScanner scanner, Vault vault) {
        this.scanner = scanner;
        this.vault = vault;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        exchange.onAnswer(answer -> scanned(exchange, answer));
        exchange.onNotification(notification -> scannedNotification(exchange, notification));
        return CompletableFuture.completedFuture(StageResult.CONTINUE);
    }

    /**
     * A notification relayed to the caller (progress) is scanned like an answer. One with findings waits (on the
     * upstream's reading thread, so notifications keep their order) until its entries are durable; one that cannot
     * be scanned, or whose entries cannot be written, is withheld.
     */
    private ObjectNode scannedNotification(Exchange exchange, ObjectNode notification) {
        SealedFindings sealed = batch();
        ObjectNode out;
        try (sealed) {
            out = masked(exchange, notification, NOTICE_MEMBERS, NOTIFICATION, sealed);
        } catch (IllegalArgumentException | VaultSealException unscannable) {
            LOG.warnf("a notification for audit id %s cannot be scanned or sealed; withheld", exchange.auditId());
            exchange.withheld(unscannable instanceof VaultSealException ? WITHHELD_UNSEALABLE : WITHHELD_UNSCANNABLE);
            return null;
        }
        if (sealed == null || VaultWrites.awaited(vault, sealed)) {
            return out;
        }
        LOG.warnf("a notification for audit id %s is withheld: its vault entries were not written", exchange.auditId());
        exchange.withheld(WITHHELD_VAULT_UNAVAILABLE);
        return null;
    }

    private CompletionStage<StageResult> scanned(Exchange exchange, ObjectNode answer) {
        ObjectNode out;
        SealedFindings sealed = batch();
        try (sealed) {
            out = masked(exchange, answer, ANSWER_MEMBERS, DIRECTION, sealed);
        } catch (IllegalArgumentException unwalkable) {
            return CompletableFuture.completedFuture(StageResult.reject(
                    JsonRpcError.UPSTREAM_INVALID, "the upstream's answer cannot be scanned; refused", 502));
        } catch (VaultSealException unsealable) {
            return CompletableFuture.completedFuture(VaultWrites.refusal(unsealable));
        }
        exchange.scanned(true);
        if (sealed == null) {
            return CompletableFuture.completedFuture(StageResult.respond(out));
        }
        // The answer leaves only once what its pointers stand for is durable.
        return VaultWrites.then(vault, sealed, StageResult.respond(out));
    }

    private SealedFindings batch() {
        return vault == null ? null : vault.batch();
    }

    /**
     * The message with every finding in the named members (their member names and string values) replaced by its
     * pointer (a copy, only when something was found), each finding recorded as an interception; throws when a
     * member cannot be walked.
     */
    private ObjectNode masked(
            Exchange exchange, ObjectNode message, List<String> members, String direction, SealedFindings sealed) {
        ObjectNode out = message;
        for (String member : members) {
            JsonNode part = message.get(member);
            if (part == null) {
                continue;
            }
            JsonNode masked = FindingMasker.scanAndMask(
                    part, scanner.engine(), "/" + member, direction, exchange.interceptions(), sealed);
            if (masked == part) {
                continue;
            }
            if (out == message) {
                out = message.deepCopy();
            }
            out.set(member, masked);
        }
        return out;
    }
}
