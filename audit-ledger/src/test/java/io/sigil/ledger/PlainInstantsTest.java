package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainInstantsTest {
    @Test
    void whatItTakesForPlainInstantParseAcceptsAsTheSameInstantText() {
        Random random = new Random(8);
        int plain = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = String.format(
                            "%04d-%02d-%02dT%02d:%02d:%02d",
                            random.nextInt(10_000),
                            random.nextInt(14),
                            random.nextInt(33),
                            random.nextInt(26),
                            random.nextInt(62),
                            random.nextInt(62))
                    + fraction(random)
                    + (random.nextInt(20) == 0 ? "z" : "Z");
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            boolean parses;
            try {
                Instant.parse(text);
                parses = true;
            } catch (DateTimeParseException e) {
                parses = false;
            }
            if (PlainInstants.isPlain(bytes, bytes.length)) {
                plain++;
                assertThat(parses).as(text).isTrue();
            }
        }
        assertThat(plain).isGreaterThan(50_000);
    }

    @Test
    void whatInstantWritesIsPlain() {
        Random random = new Random(9);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(
                    random.nextLong(253_402_300_800L), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            byte[] bytes = t.toString().getBytes(StandardCharsets.US_ASCII);
            assertThat(PlainInstants.isPlain(bytes, bytes.length))
                    .as(t.toString())
                    .isTrue();
        }
        byte[] leap = "2016-12-31T23:59:60Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(PlainInstants.isPlain(leap, leap.length)).isFalse(); // left to Instant.parse
    }

    private static String fraction(Random random) {
        int digits = random.nextInt(12);
        if (digits == 0) {
            return "";
        }
        StringBuilder f = new StringBuilder(".");
        for (int i = 1; i < digits; i++) {
            f.append(random.nextInt(10));
        }
        return f.toString();
    }
}
