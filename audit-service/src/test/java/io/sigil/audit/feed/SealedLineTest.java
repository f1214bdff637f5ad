package io.sigil.audit.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.ledger.LedgerJson;
import io.sigil.ledger.SealedRecord;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SealedLineTest {

    private static final String[] PIECES = {
        "{\"audit_id\":\"a-1\"}",
        "\"",
        "\\",
        "\\\"",
        "\n",
        "\t",
        "\b",
        "\f",
        "\r",
        "\u0000",
        "\u001f",
        "\u007f",
        "caf\u00e9",
        "\uD83D\uDE00",
        "\u2028",
        "/",
        "plain text ",
        ""
    };

    @Test
    void writesExactlyWhatJacksonWritesForTheSameRecord() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder event = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                event.append(PIECES[random.nextInt(PIECES.length)]);
            }
            SealedRecord record = new SealedRecord(
                    n % 3 == 0 ? "p\"" + n : "p" + n,
                    random.nextInt(1_000_000),
                    random.nextLong() & Long.MAX_VALUE,
                    -random.nextInt(5),
                    Instant.ofEpochMilli(1_795_507_543_698L + n * 1_001L),
                    event.toString(),
                    bytes(random, 32),
                    bytes(random, 32),
                    bytes(random, 32));

            assertThat(SealedLine.of(record))
                    .isEqualTo(LedgerJson.toJson(record).toString());
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
