package io.sigil.audit.feed;

import io.sigil.audit.store.StoredRecord;
import java.util.List;

/** A destination of sealed records for the SOC. */
public interface Feed {

    /** The cursor name; stable across restarts. */
    String name();

    boolean enabled();

    /**
     * Delivers records of one chain in order; returns how many leading records are confirmed delivered (all of them,
     * or fewer when it failed: the rest is offered again).
     */
    int deliver(List<StoredRecord> records);

    /** How many records the pump hands over at once, given the configured batch. */
    default int recordsPerRound(int batch) {
        return batch;
    }
}
