package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatternHeadsTest {

    @Test
    void literal_heads_are_read_through_small_classes_and_groups() {
        assertThat(PatternHeads.heads("AKIA[A-Z0-9]{16}")).containsExactly("akia");
        assertThat(PatternHeads.heads("[rs]k_live_[A-Za-z0-9]{24}")).containsExactlyInAnyOrder("rk_live_", "sk_live_");
        assertThat(PatternHeads.heads("(?:ghp|gho)_[A-Za-z0-9]{36}")).containsExactlyInAnyOrder("ghp_", "gho_");
    }

    @Test
    void a_pattern_is_tried_at_its_hits_only_when_every_match_starts_with_a_keyword() {
        assertThat(PatternHeads.startsAtKeyword("AKIA[A-Z0-9]{16}", List.of("AKIA")))
                .isTrue();
        // a match may begin before the keyword ("access_token" holds the keyword "token")
        assertThat(PatternHeads.startsAtKeyword("(?:access_)?token=([a-z0-9]{16})", List.of("token")))
                .isFalse();
        // a keyword that is a suffix of another is reported once per end, so it could hide a start
        assertThat(PatternHeads.startsAtKeyword("(?:xkey|key)-[0-9]{8}", List.of("xkey", "key")))
                .isFalse();
        // unreadable patterns are never eligible
        assertThat(PatternHeads.startsAtKeyword("(?P<v>AKIA)[A-Z]{16}", List.of("AKIA")))
                .isFalse();
    }

    @Test
    void built_in_prefix_detectors_are_tried_at_their_hits_and_generic_ones_in_windows() {
        ScanEngine engine = ScanEngine.builtIn();
        assertThat(engine.triedAtHits("aws-access-key-id")).isTrue();
        assertThat(engine.triedAtHits("stripe-secret-key")).isTrue();
        assertThat(engine.triedAtHits("generic-api-key")).isFalse();
    }
}
