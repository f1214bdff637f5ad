package io.sigil.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.audit.sealing.EventFacts;
import io.sigil.audit.sealing.PendingRecord;
import io.sigil.ledger.SealedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordCopyTest {

    private static final String[] TEXTS = {null, "", "alice", "é€😀", "tools/call", "x".repeat(300), "a\uFFFDb"};

    @Test
    void theBufferEncodingIsByteForByteTheDataOutputStreamOne() {
        Random random = new Random(42);
        for (int batch = 0; batch < 200; batch++) {
            List<PendingRecord> records = new ArrayList<>();
            for (int i = random.nextInt(50); i >= 0; i--) {
                records.add(pending(random));
            }
            RecordCopy.Encoded encoded = RecordCopy.encode(records);
            assertThat(Arrays.copyOf(encoded.bytes(), encoded.length())).isEqualTo(RecordCopyReference.encode(records));
        }
        // One event far larger than the estimate: the buffer grows.
        List<PendingRecord> huge = List.of(pending(random, "{\"big\":\"" + "é".repeat(100_000) + "\"}"));
        RecordCopy.Encoded encoded = RecordCopy.encode(huge);
        assertThat(Arrays.copyOf(encoded.bytes(), encoded.length())).isEqualTo(RecordCopyReference.encode(huge));
    }

    private static PendingRecord pending(Random random) {
        return pending(random, "{\"n\":" + random.nextInt() + ",\"t\":\"" + text(random) + "\"}");
    }

    private static PendingRecord pending(Random random, String event) {
        SealedRecord sealed = new SealedRecord(
                random.nextBoolean() ? "audit" : "tenant-é",
                random.nextInt(1_000_000),
                random.nextInt(1_000_000),
                random.nextInt(100),
                Instant.ofEpochSecond(1_795_000_000L + random.nextInt(1_000_000), random.nextInt(1_000_000_000)),
                event,
                bytes(random),
                bytes(random),
                bytes(random));
        EventFacts facts = new EventFacts(
                random.nextBoolean(),
                text(random),
                random.nextBoolean()
                        ? null
                        : Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                random.nextBoolean() ? null : random.nextInt(),
                text(random),
                text(random),
                text(random),
                text(random),
                text(random));
        return new PendingRecord(sealed, facts);
    }

    private static String text(Random random) {
        String text = TEXTS[random.nextInt(TEXTS.length)];
        return text == null || random.nextBoolean() ? text : text + random.nextInt(1000);
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
