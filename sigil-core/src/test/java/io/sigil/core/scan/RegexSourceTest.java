package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexSourceTest {

    @Test
    void escapes_and_char_classes_are_not_syntax() {
        assertThat(syntax("a\\(b[(|]c(d)")).isEqualTo("100100001111");
        // a ']' right after '[' or '[^' is a member, so the class goes on to the next ']'
        assertThat(syntax("[]|]|[^]|]|")).isEqualTo("00001000001");
    }

    /** The source with 1 where a char is syntax, 0 where it is escaped or inside a class. */
    private static String syntax(String regex) {
        StringBuilder out = new StringBuilder();
        for (boolean b : RegexSource.structural(regex)) {
            out.append(b ? '1' : '0');
        }
        return out.toString();
    }
}
