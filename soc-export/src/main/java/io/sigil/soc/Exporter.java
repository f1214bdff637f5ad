package io.sigil.soc;

import java.util.List;

/** Delivers batches of sealed audit events to one SOC destination. */
@FunctionalInterface
public interface Exporter {

    /**
     * Never throws for delivery problems. The caller advances its per-exporter cursor only on a {@link
     * DeliveryResult#isDelivered() delivered} result and offers the same batch again otherwise, which makes delivery
     * at-least-once: a receiver may see an event twice, never zero times.
     */
    DeliveryResult deliver(List<SealedEvent> batch);
}
