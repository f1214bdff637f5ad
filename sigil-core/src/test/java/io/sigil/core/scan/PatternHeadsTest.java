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
    void built_in_prefix_detectors_are_tried_at_their_hits_and_keyword_less_ones_in_windows() {
        ScanEngine engine = ScanEngine.builtIn();
        assertThat(engine.triedAtHits("aws-access-key-id")).isTrue();
        assertThat(engine.triedAtHits("stripe-secret-key")).isTrue();
        // every match begins with a head that holds a keyword ("access_token", "client-secret"): see HeadStarts
        assertThat(engine.triedAtHits("generic-api-key")).isTrue();
        assertThat(engine.triedAtHits("email")).isFalse();
        assertThat(engine.triedAtHits("fr-nir")).isFalse();
    }

    @Test
    void expanded_heads_read_optional_classes_of_literal_chars_and_plain_heads_do_not() {
        String regex = "(?i)(?:api[_\\-. ]?key|\\btoken)([a-z0-9]{16})";
        assertThat(PatternHeads.expandedHeads(regex))
                .containsExactlyInAnyOrder("api_key", "api-key", "api.key", "api key", "apikey", "token");
        // without expansion the heads stop at the class, and which detectors are tried at hits is as before
        assertThat(PatternHeads.heads(regex)).containsExactlyInAnyOrder("api", "token");
        // a range or a class escape is not a set of literals
        assertThat(PatternHeads.expandedHeads("ab[a-c]?d")).containsExactly("ab");
        assertThat(PatternHeads.expandedHeads("ab[\\d_]?d")).containsExactly("ab");
    }

    @Test
    void expanded_heads_stop_growing_rather_than_give_up_past_the_limit() {
        // 5 x 5 x 5 = 125 heads would pass the limit of 64: the 25 two-class heads still begin every match
        List<String> heads = PatternHeads.expandedHeads("a[bcde]?f[ghij]?k[lmno]?p");
        assertThat(heads).hasSize(25).contains("abfgk", "afk");
    }
}
