package io.sigil.audit.store;

import io.sigil.audit.sealing.EventFacts;
import io.sigil.audit.sealing.PendingRecord;
import io.sigil.ledger.SealedRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The DataOutputStream encoder RecordCopy had until 2026-11-23, kept to test the current one against. */
final class RecordCopyReference {

    static final String COLUMNS = "chain, seq, kafka_offset, epoch, sealed_at, event, event_sha256, prev_mac, mac,"
            + " well_formed, audit_id, event_time, class_uid, activity, source, actor, outcome, tool";

    static final String SQL = "copy audit_record (" + COLUMNS + ") from stdin (format binary)";

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final short FIELDS = 18;
    /** PostgreSQL's timestamp epoch, 2000-01-01T00:00:00Z, in Unix seconds. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;

    private RecordCopyReference() {}

    static byte[] encode(List<PendingRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 1_024 + 32);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
            for (PendingRecord pending : records) {
                row(out, pending.sealed(), pending.facts());
            }
            out.writeShort(-1);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    private static void row(DataOutputStream out, SealedRecord sealed, EventFacts facts) throws IOException {
        out.writeShort(FIELDS);
        text(out, sealed.chain());
        int8(out, sealed.seq());
        int8(out, sealed.offset());
        int8(out, sealed.epoch());
        timestamp(out, sealed.sealedAt());
        text(out, sealed.event());
        bytes(out, sealed.eventSha256());
        bytes(out, sealed.prevMac());
        bytes(out, sealed.mac());
        out.writeInt(1);
        out.writeByte(facts.wellFormed() ? 1 : 0);
        text(out, facts.auditId());
        timestamp(out, facts.eventTime());
        if (facts.classUid() == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(4);
            out.writeInt(facts.classUid());
        }
        text(out, facts.activity());
        text(out, facts.source());
        text(out, facts.actor());
        text(out, facts.outcome());
        text(out, facts.tool());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static void int8(DataOutputStream out, long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    /** timestamptz: microseconds since 2000-01-01 UTC, rounded half to even as PostgreSQL rounds text input. */
    private static void timestamp(DataOutputStream out, Instant value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        long micros = Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L);
        int nanos = value.getNano();
        long whole = nanos / 1_000;
        int rest = nanos % 1_000;
        if (rest > 500 || (rest == 500 && (whole & 1) == 1)) {
            whole++;
        }
        out.writeInt(8);
        out.writeLong(micros + whole);
    }
}
