package io.sigil.demo.tools;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/** {@code transfer_funds}: pretends to move money and returns a fake confirmation; rejects non-positive amounts. */
public class TransferTool {

    /** What a (simulated) transfer confirms. */
    public record TransferConfirmation(
            String confirmationId, String fromIban, String toIban, BigDecimal amount, String currency) {

        String render() {
            return "transfer %s confirmed: %s %s from %s to %s (simulated)"
                    .formatted(confirmationId, amount.toPlainString(), currency, fromIban, toIban);
        }
    }

    @Tool(
            name = "transfer_funds",
            description = "Transfers money between two bank accounts.",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = false,
                            destructiveHint = true,
                            idempotentHint = false,
                            openWorldHint = true))
    ToolResponse transferFunds(
            @ToolArg(name = "from_iban", description = "IBAN to debit") String fromIban,
            @ToolArg(name = "to_iban", description = "IBAN to credit") String toIban,
            @ToolArg(name = "amount", description = "Amount to transfer; must be positive") BigDecimal amount,
            @ToolArg(name = "currency", description = "ISO 4217 currency code, e.g. EUR") String currency) {
        if (amount == null || amount.signum() <= 0) {
            return ToolResponse.error("amount must be positive, got " + amount);
        }
        String id = "TX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String code = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        return ToolResponse.success(new TransferConfirmation(id, fromIban, toIban, amount, code).render());
    }
}
