package io.sigil.soc.support;

import io.sigil.soc.DeliveryResult;
import io.sigil.soc.Exporter;
import io.sigil.soc.SealedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes batches to a real exporter and records every attempt, so tests can reason about each one. */
public final class RecordingExporter implements Exporter {

    /** One attempt: the first sequence number of its batch, and what the real exporter answered. */
    public record Attempt(long firstSeq, DeliveryResult result) {}

    private final Exporter delegate;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    public RecordingExporter(Exporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public DeliveryResult deliver(List<SealedEvent> batch) {
        DeliveryResult result = delegate.deliver(batch);
        attempts.add(new Attempt(batch.isEmpty() ? -1 : batch.get(0).seq(), result));
        return result;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public long failedAttempts(long firstSeq) {
        return attempts.stream()
                .filter(a -> a.firstSeq() == firstSeq && !a.result().isDelivered())
                .count();
    }
}
