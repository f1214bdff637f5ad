package io.sigil.audit.feed;

import io.sigil.audit.store.StoredRecord;
import io.sigil.ledger.Hex;
import io.sigil.ledger.SealedRecord;
import io.sigil.soc.DeliveryResult;
import io.sigil.soc.Exporter;
import io.sigil.soc.SealedEvent;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A feed that hands sealed records to a SOC exporter. Retries and back-off belong to the pump, which keeps
 * the cursor; an exporter that cannot even be built (bad configuration) fails every delivery, loudly once.
 */
abstract class ExporterFeed implements Feed {

    private static final Logger LOG = Logger.getLogger(ExporterFeed.class);

    private Exporter exporter;
    private String lastReason;

    /** Builds the exporter from configuration; throws with a clear message if it cannot. */
    protected abstract Exporter create() throws Exception;

    @Override
    public synchronized int deliver(List<StoredRecord> records) {
        try {
            if (exporter == null) {
                exporter = create();
            }
        } catch (Exception misconfigured) {
            report("cannot start: " + misconfigured.getMessage());
            return 0;
        }
        List<SealedEvent> events = new ArrayList<>(records.size());
        for (StoredRecord record : records) {
            SealedRecord sealed = record.sealed();
            events.add(new SealedEvent(
                    sealed.chain(),
                    sealed.seq(),
                    sealed.epoch(),
                    Hex.encode(sealed.mac()),
                    Hex.encode(sealed.prevMac()),
                    sealed.sealedAt(),
                    sealed.event()));
        }
        DeliveryResult result = exporter.deliver(events);
        if (!result.isDelivered()) {
            report(result.reason());
        } else {
            lastReason = null;
        }
        return result.isDelivered() ? records.size() : Math.min(result.events(), records.size());
    }

    private void report(String reason) {
        // One line per distinct reason: an unreachable receiver must not flood the log.
        if (!reason.equals(lastReason)) {
            LOG.infof("the %s feed did not deliver: %s", name(), reason);
            lastReason = reason;
        }
    }
}
