package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeadStartsTest {

    @Test
    void a_head_starts_where_its_first_keyword_ends_less_its_reach() {
        HeadStarts heads = HeadStarts.of("(?i)(?:access[_-]?token|\\btoken)=([a-z0-9]{16})", List.of("token"));
        assertThat(heads).isNotNull();
        String text = "x ACCESS-token=abc token=def accesstoken";
        byte[] symbols = Symbols.of(text);
        HitStarts hits = new HitStarts(1);
        // the keyword "token" ends at each of these places, as the keyword automaton reports it
        for (int end = text.indexOf("token") + 5; end > 4; end = text.indexOf("token", end) + 5) {
            heads.addStarts(symbols, end, hits, 0);
        }
        // no "=" follows the last "accesstoken", so no head starts there
        assertThat(hits.sorted(0)).containsExactly(2, 9, 19);
    }

    @Test
    void a_detector_whose_heads_do_not_all_hold_a_keyword_is_read_in_windows() {
        assertThat(HeadStarts.of("(?:access_token|bearer)=([a-z0-9]{16})", List.of("token")))
                .isNull();
        assertThat(HeadStarts.of("[a-z]+_token=([a-z0-9]{16})", List.of("token")))
                .isNull();
        assertThat(HeadStarts.of("access_token=([a-z0-9]{16})", List.of())).isNull();
    }

    /**
     * {@code generic-api-key} tried at its heads finds what the reference sweep of its windows finds, on prose with
     * its heads (any case) among words, some followed by an assignment and a value of any length up to past its
     * 512-char limit and its window. Texts alternate between few values (long windows whose heads are tried) and
     * many (windows swept because a try at a value would cost more); with this generator and seed 229 of 511
     * windows were tried and gave 267 of the spans (counted in a scratch copy of the engine).
     */
    @Test
    void generic_api_key_at_its_heads_finds_what_the_sweep_finds() {
        ScanEngine fast = ScanEngine.builtIn();
        ScanEngine sweep = new ScanEngine(DetectorPacks.builtIn(), false);
        assertThat(fast.triedAtHits("generic-api-key")).isTrue();
        assertThat(sweep.triedAtHits("generic-api-key")).isFalse();
        List<String> heads =
                PatternHeads.expandedHeads(detector("generic-api-key").pattern().pattern());
        String[] assignments = {"=", " = ", ": ", ":=", " => ", "\": \"", "='", " is ", " was ", " for prod: ", "\n", ""
        };
        String[] words = {"the", "value", "of", "config", "é", "\uD83D\uDE00", "with", "x", "ok."};
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/.~";
        Random random = new Random(5);
        int found = 0;
        for (int t = 0; t < 300; t++) {
            int oneIn = t % 2 == 0 ? 4 : 30; // one head in this many gets a value
            StringBuilder text = new StringBuilder();
            int length = 1024 + random.nextInt(4096);
            while (text.length() < length) {
                for (int w = random.nextInt(12); w >= 0; w--) {
                    text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "\n");
                }
                String head = heads.get(random.nextInt(heads.size()));
                text.append(random.nextBoolean() ? head : head.toUpperCase(Locale.ROOT))
                        .append(' ');
                if (random.nextInt(oneIn) > 0) {
                    continue;
                }
                text.append(assignments[random.nextInt(assignments.length)]);
                int value = random.nextInt(8) == 0 ? 200 + random.nextInt(500) : random.nextInt(60);
                for (int i = 0; i < value; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text.append(' ');
            }
            String input = text.toString();
            ScanResult expected = SweepEquivalence.assertSameAsSweep(fast, sweep, input);
            found += (int) expected.findings().stream()
                    .filter(f -> f.detectorId().equals("generic-api-key"))
                    .count();
        }
        assertThat(found).isGreaterThan(1000);
    }

    private static Detector detector(String id) {
        List<Detector> all = new ArrayList<>(DetectorPacks.builtIn());
        return all.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }
}
