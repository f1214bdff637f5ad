package io.sigil.core.spi;

import io.sigil.core.model.AuditEvent;
import java.util.concurrent.CompletionStage;

/**
 * Seed 001: records security events in a tamper-evident trail. The returned stage completes only once
 * the event is durable (for the mesh: acknowledged by the broker), so callers can enforce audit
 * dominance.
 */
public interface AuditLogger {

    CompletionStage<Void> log(AuditEvent event);
}
