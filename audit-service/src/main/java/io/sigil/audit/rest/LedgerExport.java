package io.sigil.audit.rest;

import io.sigil.audit.config.AuditConfig;
import io.sigil.audit.ledger.LedgerService;
import io.sigil.audit.store.RecordStore;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.ExportHeader;
import io.sigil.ledger.ExportWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;

/**
 * The offline verifier's input: every chain in sequence order, then each chain's latest checkpoint. The
 * checkpoints are read first, so every record they cover is in the export even while sealing goes on.
 */
@ApplicationScoped
public class LedgerExport {

    private final LedgerService ledger;
    private final RecordStore records;
    private final AuditConfig config;

    public LedgerExport(LedgerService ledger, RecordStore records, AuditConfig config) {
        this.ledger = ledger;
        this.records = records;
        this.config = config;
    }

    public StreamingOutput stream() {
        return output -> {
            try {
                List<Checkpoint> checkpoints = ledger.latestCheckpoints();
                ExportHeader header = ExportHeader.of(
                        ledger.genesisEpoch(), config.chain().epochLength().toSeconds());
                ExportWriter writer = new ExportWriter(output, header);
                for (String chain : records.chains()) {
                    records.forEach(chain, record -> {
                        try {
                            writer.writeRecord(record.sealed());
                        } catch (IOException clientGone) {
                            throw new UncheckedIOException(clientGone);
                        }
                    });
                }
                for (Checkpoint checkpoint : checkpoints) {
                    writer.writeCheckpoint(checkpoint);
                }
                writer.flush();
            } catch (SQLException storeAway) {
                throw new IOException("the audit store went away during the export", storeAway);
            }
        };
    }
}
