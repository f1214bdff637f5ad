package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {

    @Test
    void invisible_chars_are_removed_and_spans_map_back_over_them() {
        // Given
        String original = "x A\u200BK\uFEFFI\u00ADA y";

        // When
        NormalisedText normalised = Normaliser.normalise(original);

        // Then
        assertThat(normalised.text()).isEqualTo("x AKIA y");
        assertThat(normalised.originalStart(2)).isEqualTo(2);
        assertThat(normalised.originalEnd(6)).isEqualTo(original.indexOf('A', 4) + 1);
    }

    @Test
    void percent_escapes_html_entities_and_fullwidth_forms_are_decoded() {
        // Given
        String original = "a%41%4B &#73;&#x41; &amp; \uFF21\uFF22 %E2%82%AC %ZZ &bogus;";

        // When
        NormalisedText normalised = Normaliser.normalise(original);

        // Then
        assertThat(normalised.text()).isEqualTo("aAK IA & AB \u20ac %ZZ &bogus;");
        int euro = normalised.text().indexOf('\u20ac');
        assertThat(original.substring(normalised.originalStart(euro), normalised.originalEnd(euro + 1)))
                .isEqualTo("%E2%82%AC");
    }

    @Test
    void an_entity_is_the_nearest_semicolon_within_reach_of_each_ampersand() {
        // Many "&" share one ";": each asks for the nearest one after it, within an entity's length.
        assertThat(Normaliser.normalise("&&&&#65;").text()).isEqualTo("&&&A");
        assertThat(Normaliser.normalise("&#65 &#66;x&amp;").text()).isEqualTo("&#65 Bx&");
        assertThat(Normaliser.normalise("&#65;;&#66").text()).isEqualTo("A;&#66");
    }

    @Test
    void encoded_zero_width_chars_are_removed_too() {
        assertThat(Normaliser.normalise("AK&#x200B;IA%E2%80%8B!").text()).isEqualTo("AKIA!");
    }

    @Test
    void plain_ascii_is_returned_as_is() {
        String text = "just text";
        assertThat(Normaliser.normalise(text).text()).isSameAs(text);
    }
}
