package io.sigil.audit.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void agreesWithInstantParseOnGeneratedInstantsAndTheirCorruptions() {
        Random random = new Random(8601);
        String alphabet = "0123456789-:.TZz+ ";
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    -62_167_219_200L + Math.floorMod(random.nextLong(), 62_167_219_200L + 253_402_300_800L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString(); // years 0000 to 9999: the fast path's form
            assertThat(IsoInstant.fast(text)).as(text).isEqualTo(instant);
            char[] chars = text.toCharArray();
            // One character changed, or the text cut short: the same answer (or exception) as Instant.parse.
            chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            assertSame(new String(chars));
            assertSame(text.substring(0, random.nextInt(text.length())) + "Z");
        }
    }

    @Test
    void agreesOnTheEdges() {
        for (String text : new String[] {
            "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2100-02-29T00:00:00Z",
            "2000-02-29T23:59:59Z",
            "2026-04-31T00:00:00Z",
            "2026-12-31T23:59:60Z",
            "2026-11-23T24:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z",
            "2026-11-00T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2026-11-23T10:00:00.Z",
            "2026-11-23T10:00:00.1234567890Z",
            "2026-11-23T10:00:00.1Z",
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T10:00Z",
            "+12026-11-23T10:00:00Z",
            "-2026-11-23T10:00:00Z",
            "2026-11-23t10:00:00Z",
            "2026-11-23T10:00:00z",
            "２０２６-11-23T10:00:00Z",
            "2026-11-23T10:00:00.٣Z"
        }) {
            assertSame(text);
        }
    }

    private static void assertSame(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeException refused) {
            assertThatThrownBy(() -> IsoInstant.parse(text)).as(text).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(IsoInstant.parse(text)).as(text).isEqualTo(expected);
    }
}
