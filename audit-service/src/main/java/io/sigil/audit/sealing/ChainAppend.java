package io.sigil.audit.sealing;

import java.util.List;

/** The records sealed onto one chain in one batch, and the head before and after them. */
public record ChainAppend(ChainHead before, ChainHead after, List<PendingRecord> records) {

    public ChainAppend {
        records = List.copyOf(records);
    }
}
