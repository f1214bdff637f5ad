package io.sigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpaquePointerTest {

    @Test
    void rendersTheProtocolTextByteForByte() {
        // Given the protocol's pointer, with U+2014 between category and "Access Required"
        byte[] expected = "[SIGIL-VAULT: IBAN \u2014 Access Required]".getBytes(StandardCharsets.UTF_8);

        // When
        String rendered = new OpaquePointer("IBAN", "550e8400-e29b-41d4-a716-446655440000").render();

        // Then
        assertThat(rendered.getBytes(StandardCharsets.UTF_8)).containsExactly(expected);
        assertThat(rendered).doesNotContain("550e8400");
    }

    @Test
    void findsTheCategoryOfAPointerInsideText() {
        String text = "Email from bank: " + OpaquePointer.render("API Key") + " end";

        assertThat(OpaquePointer.findCategory(text)).contains("API Key");
        assertThat(OpaquePointer.findCategory("[SIGIL-VAULT: IBAN - Access Required]"))
                .isEmpty();
    }

    @Test
    void refusesCategoriesThatWouldBreakThePointer() {
        assertThatThrownBy(() -> new OpaquePointer("a]b", "id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpaquePointer(" ", "id")).isInstanceOf(IllegalArgumentException.class);
    }
}
