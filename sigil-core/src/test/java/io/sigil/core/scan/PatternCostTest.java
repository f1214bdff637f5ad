package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternCostTest {

    @Test
    void a_bounded_repetition_counts_its_atom_as_often_as_it_may_repeat() {
        assertThat(PatternCost.of("AKIA[A-Z0-9]{16}")).isEqualTo(4 + 16);
        assertThat(PatternCost.of("x{2,512}")).isEqualTo(512);
        assertThat(PatternCost.of("(?:ab){3}")).isEqualTo(3 * (1 + 2));
    }

    @Test
    void alternatives_add_up_and_flags_cost_nothing() {
        assertThat(PatternCost.of("(?i)abc|de")).isEqualTo(3 + 1 + 2);
        assertThat(PatternCost.of("[a-z\\]]+")).isEqualTo(2);
    }

    @Test
    void a_wider_pattern_weighs_more_per_char() {
        long narrow = ScanBudget.weightOf(PatternCost.of("\\b\\d{3}-\\d{2}-\\d{4}\\b"));
        long wide = ScanBudget.weightOf(PatternCost.of("(?i)(?:token|secret)\\s{0,4}=\\s{0,4}([A-Za-z0-9]{16,512})"));
        assertThat(narrow).isEqualTo(1);
        assertThat(wide).isGreaterThan(narrow);
    }
}
