package io.sigil.audit.ledger;

import io.sigil.audit.store.RecordStore;
import io.sigil.audit.store.StoredRecord;
import io.sigil.ledger.SealedRecord;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** A stored chain read page by page in sequence order, so that verifying it never holds it all in memory. */
final class PagedChain implements Iterable<SealedRecord> {

    private static final int PAGE = 5_000;

    private final RecordStore records;
    private final String chain;

    PagedChain(RecordStore records, String chain) {
        this.records = records;
        this.chain = chain;
    }

    @Override
    public Iterator<SealedRecord> iterator() {
        return new Iterator<>() {
            private List<StoredRecord> page = List.of();
            private int index;
            private long nextSeq = Long.MIN_VALUE;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                try {
                    page = records.from(chain, nextSeq, PAGE);
                } catch (SQLException storeAway) {
                    throw new IllegalStateException("the audit store went away while reading " + chain, storeAway);
                }
                index = 0;
                exhausted = page.size() < PAGE;
                if (!page.isEmpty()) {
                    nextSeq = page.get(page.size() - 1).sealed().seq() + 1;
                }
                return !page.isEmpty();
            }

            @Override
            public SealedRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++).sealed();
            }
        };
    }
}
