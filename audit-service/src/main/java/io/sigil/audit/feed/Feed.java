package io.sigil.audit.feed;

import io.sigil.audit.store.StoredRecord;
import java.util.List;

/** A destination of sealed records for the SOC. */
public interface Feed {

    /** The cursor name; stable across restarts. */
    String name();

    boolean enabled();

    /** Delivers records of one chain in order; true only when every one of them is confirmed delivered. */
    boolean deliver(List<StoredRecord> records);
}
