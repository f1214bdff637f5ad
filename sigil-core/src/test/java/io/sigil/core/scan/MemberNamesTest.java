package io.sigil.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Member names holding findings are masked, kept distinct, and told to the caller at their masked pointers. */
class MemberNamesTest {

    private static final String IBAN = "DE44500105175407324931";
    private static final String OTHER_IBAN = "GB82WEST12345698765432";
    private static final ScanEngine ENGINE = ScanEngine.builtIn();
    private static final Function<List<Finding>, String> MARKER =
            group -> "<" + group.get(0).category() + ">";

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> told = new ArrayList<>();

    private JsonNode mask(String json, String base) throws Exception {
        return MemberNames.mask(mapper.readTree(json), ENGINE, base, MARKER, (pointer, runs) -> {
            for (MemberNames.Run run : runs) {
                told.add(pointer + " " + run.findings().get(0).category() + " " + run.text());
            }
        });
    }

    @Test
    void aDocumentWhoseNamesHoldNothingIsReturnedAsItIs() throws Exception {
        JsonNode document = mapper.readTree("{\"a\":{\"b\":[{\"c\":\"" + IBAN + "\"}]}}");

        JsonNode masked = MemberNames.mask(document, ENGINE, "", MARKER, (pointer, runs) -> told.add(pointer));

        assertThat(masked).isSameAs(document);
        assertThat(told).isEmpty();
    }

    @Test
    void aNameHoldingAFindingIsMaskedAndToldAtItsMaskedPointer() throws Exception {
        // Given a map keyed by IBAN, inside an array, under a base pointer
        String json = "{\"rows\":[{\"to " + IBAN + "\":{\"x\":1},\"plain\":2}]}";

        // When
        JsonNode masked = mask(json, "/result");

        // Then the name is masked where it was, its value and its siblings kept, and the caller told where and what
        assertThat(masked.toString())
                .doesNotContain(IBAN)
                .isEqualTo("{\"rows\":[{\"to <IBAN>\":{\"x\":1},\"plain\":2}]}");
        assertThat(told).containsExactly("/result/rows/0/to <IBAN> IBAN " + IBAN);
    }

    @Test
    void namesThatMaskAlikeStayDistinctAndNoneIsLost() throws Exception {
        // Given two IBAN names and an unmasked name that equals their masked form
        String json = "{\"" + IBAN + "\":1,\"<IBAN>\":2,\"" + OTHER_IBAN + "\":3}";

        // When
        JsonNode masked = mask(json, "");

        // Then every member survives, under a name of its own, in its order
        assertThat(masked.toString()).isEqualTo("{\"<IBAN> #2\":1,\"<IBAN>\":2,\"<IBAN> #3\":3}");
        assertThat(told).containsExactly("/<IBAN> #2 IBAN " + IBAN, "/<IBAN> #3 IBAN " + OTHER_IBAN);
    }

    @Test
    void aMaskedNameIsEscapedInItsPointer() throws Exception {
        JsonNode masked = mask("{\"a/b~" + IBAN + "\":true}", "");

        assertThat(masked.has("a/b~<IBAN>")).isTrue();
        assertThat(told).containsExactly("/a~1b~0<IBAN> IBAN " + IBAN);
    }

    @Test
    void aDocumentNestedDeeperThanTheEngineWalksIsRefused() throws Exception {
        JsonNode deep =
                mapper.readTree("[".repeat(ScanEngine.MAX_JSON_DEPTH + 2) + "]".repeat(ScanEngine.MAX_JSON_DEPTH + 2));

        assertThatThrownBy(() -> MemberNames.mask(deep, ENGINE, "", MARKER, (pointer, runs) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper");
    }
}
