package io.sigil.soc;

import java.util.List;

/** Delivers batches of sealed audit events to one SOC destination. */
@FunctionalInterface
public interface Exporter {

    /**
     * Never throws for delivery problems. The caller advances its per-exporter cursor over a {@link
     * DeliveryResult#isDelivered() delivered} batch, or over a failure's leading {@link DeliveryResult#events()
     * confirmed} events, and offers the rest again, which makes delivery at-least-once: a receiver may see an event
     * twice, never zero times.
     */
    DeliveryResult deliver(List<SealedEvent> batch);
}
