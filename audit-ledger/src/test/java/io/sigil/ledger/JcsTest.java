package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void rfc8785SampleFromSection322() throws IOException {
        JsonNode input = MAPPER.readTree(resource("rfc8785-sample-input.json"));
        assertThat(Jcs.canonicalize(input)).isEqualTo(resource("rfc8785-sample-output.json"));
    }

    @Test
    void rfc8785SortingExampleFromSection323() throws IOException {
        JsonNode input = MAPPER.readTree(resource("rfc8785-sorting-input.json"));
        assertThat(Jcs.canonicalize(input)).isEqualTo(resource("rfc8785-sorting-output.json"));
    }

    /** RFC 8785 appendix B: IEEE 754 bit patterns and their expected text. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void appendixBNumbers(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(JcsNumbers.toString(value)).isEqualTo(expected);
        assertThat(Jcs.canonicalString(DoubleNode.valueOf(value))).isEqualTo(expected);
    }

    @Test
    void appendixBNaNAndInfinityAreErrors() {
        for (String bits : new String[] {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"}) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
            assertThatThrownBy(() -> Jcs.canonicalize(DoubleNode.valueOf(value)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * Expectations worked out by hand from ECMA-262 Number::toString: shortest digits s (k of them) and exponent n,
     * then plain digits for k ≤ n ≤ 21, a decimal point for 0 < n ≤ 21, leading "0.000" for −6 < n ≤ 0, exponent form
     * otherwise.
     */
    @ParameterizedTest
    @CsvSource({
        "1.0, 1",
        "-0.0, 0",
        "0.1, 0.1",
        "-12.5, -12.5",
        "123.456, 123.456",
        "100, 100",
        "1e20, 100000000000000000000", // n = 21: still plain
        "1.5e20, 150000000000000000000",
        "1e21, 1e+21", // n = 22: exponent form
        "1.5e21, 1.5e+21",
        "1e-6, 0.000001", // n = -5
        "0.00001234, 0.00001234",
        "1e-7, 1e-7", // n = -6: exponent form
        "-1e-7, -1e-7",
        "1.5e-7, 1.5e-7",
        "123e-20, 1.23e-18",
        "0.30000000000000004, 0.30000000000000004",
        "4.35, 4.35",
        "5e-324, 5e-324",
        "1e300, 1e+300",
        "2.5e-5, 0.000025"
    })
    void ecmaScriptLayout(double value, String expected) {
        assertThat(JcsNumbers.toString(value)).isEqualTo(expected);
    }

    @Test
    void integersBeyondTwoToThe53GoThroughADoubleLikeJavaScript() {
        assertThat(Jcs.canonicalString(LongNode.valueOf(9007199254740992L))).isEqualTo("9007199254740992");
        // 2^53 + 1 is halfway between two doubles; ties go to the even one, 2^53.
        assertThat(Jcs.canonicalString(LongNode.valueOf(9007199254740993L))).isEqualTo("9007199254740992");
        assertThat(Jcs.canonicalString(LongNode.valueOf(Long.MAX_VALUE))).isEqualTo("9223372036854776000");
        assertThat(Jcs.canonicalString(LongNode.valueOf(Long.MIN_VALUE))).isEqualTo("-9223372036854776000");
        assertThat(Jcs.canonicalString(BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(64))))
                .isEqualTo("18446744073709552000");
        assertThat(Jcs.canonicalString(BigIntegerNode.valueOf(BigInteger.valueOf(-42))))
                .isEqualTo("-42");
    }

    @Test
    void otherNumberNodesAreReadAsDoubles() {
        assertThat(Jcs.canonicalString(FloatNode.valueOf(0.1f))).isEqualTo("0.10000000149011612");
        assertThat(Jcs.canonicalString(DecimalNode.valueOf(new BigDecimal("1.000"))))
                .isEqualTo("1");
        assertThat(Jcs.canonicalString(DecimalNode.valueOf(new BigDecimal("0.1"))))
                .isEqualTo("0.1");
        assertThatThrownBy(() -> Jcs.canonicalString(DecimalNode.valueOf(new BigDecimal("1e400"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsEscapeOnlyWhatRfc8785Says() {
        String controls = "\b\f\n\r\t\u0000\u001f" + (char) 0x7f;
        assertThat(Jcs.canonicalString(TextNode.valueOf(controls)))
                .isEqualTo("\"\\b\\f\\n\\r\\t\\u0000\\u001f" + (char) 0x7f + "\"");
        assertThat(Jcs.canonicalString(TextNode.valueOf("\"\\/<>&'"))).isEqualTo("\"\\\"\\\\/<>&'\"");
        String literal = "é€\u2028\u2029😀";
        assertThat(Jcs.canonicalString(TextNode.valueOf(literal))).isEqualTo('"' + literal + '"');
        assertThat(Jcs.canonicalize(TextNode.valueOf("é"))).containsExactly('"', 0xc3, 0xa9, '"');
    }

    @Test
    void loneSurrogatesAreRejectedInValuesAndNames() {
        for (String bad : new String[] {"\ud800", "a\udc00b", "x\ud83d", "\ude00\ud83d"}) {
            assertThatThrownBy(() -> Jcs.canonicalize(TextNode.valueOf(bad)))
                    .isInstanceOf(IllegalArgumentException.class);
            ObjectNode object = NODES.objectNode().put(bad, 1);
            assertThatThrownBy(() -> Jcs.canonicalize(object)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void nestedStructuresHaveNoWhitespaceAndSortedMembersAtEveryLevel() throws IOException {
        JsonNode input =
                MAPPER.readTree("{ \"b\" : [ 3 , {\"z\":null, \"a\":true} , [] ], \"a\" : {} , \"aa\":\"x\" }");
        assertThat(Jcs.canonicalString(input))
                .isEqualTo("{\"a\":{},\"aa\":\"x\",\"b\":[3,{\"a\":true,\"z\":null},[]]}");
    }

    @Test
    void nodesWithoutAJsonFormAreRejected() {
        assertThatThrownBy(() -> Jcs.canonicalize(new POJONode(new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalize(NODES.missingNode())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalFormIsAFixedPointAndIgnoresMemberOrder() throws IOException {
        Random random = new Random(8785);
        for (int i = 0; i < 500; i++) {
            JsonNode tree = randomValue(random, 0);
            byte[] canonical = Jcs.canonicalize(tree);
            assertThat(Jcs.canonicalize(MAPPER.readTree(canonical)))
                    .as("canonicalize(parse(canonicalize(x))) for %s", tree)
                    .isEqualTo(canonical);
            assertThat(Jcs.canonicalize(reordered(tree, random))).isEqualTo(canonical);
        }
    }

    @Test
    void randomDoublesRoundTripWithNoMoreDigitsThanTheJdkUses() {
        Random random = new Random(754);
        int checked = 0;
        while (checked < 20_000) {
            double value = checked % 2 == 0
                    ? Double.longBitsToDouble(random.nextLong())
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = JcsNumbers.toString(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
            assertThat(significantDigits(text))
                    .as("%s vs %s", text, Double.toString(value))
                    .isLessThanOrEqualTo(significantDigits(Double.toString(value)));
            checked++;
        }
    }

    @Test
    void decimalsOfFifteenDigitsOrFewerComeBackAsThemselves() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            int digits = 1 + random.nextInt(15);
            long unscaled = 1 + (long) (random.nextDouble() * (Math.pow(10, digits) - 1));
            BigDecimal decimal = BigDecimal.valueOf(unscaled, random.nextInt(600) - 290);
            double value = decimal.doubleValue();
            if (!Double.isFinite(value) || value < Double.MIN_NORMAL) {
                continue;
            }
            String text = JcsNumbers.toString(value);
            assertThat(new BigDecimal(text)).as("%s -> %s", decimal, text).isEqualByComparingTo(decimal);
        }
    }

    @Test
    void theFastPathAgreesWithTheExhaustiveSearch() {
        Random random = new Random(16);
        for (int i = 0; i < 5_000; i++) {
            double value =
                    switch (i % 3) {
                        case 0 -> random.nextInt(1_000_000) / 1000.0;
                        case 1 -> Math.abs(random.nextGaussian()) * Math.pow(10, random.nextInt(40) - 20);
                        default -> Math.abs(Double.longBitsToDouble(random.nextLong()));
                    };
            if (!Double.isFinite(value) || value == 0 || (value < 9.007199254740992E15 && value == Math.rint(value))) {
                continue;
            }
            assertThat(JcsNumbers.toString(value)).isEqualTo(JcsNumbers.toStringExhaustive(value));
        }
    }

    /** The one-pass byte writer against the StringBuilder canonicaliser it replaced, on many generated trees. */
    @Test
    void theByteWriterAgreesWithTheReferenceImplementation() throws IOException {
        Random random = new Random(20261123);
        JcsWriter writer = new JcsWriter();
        for (int i = 0; i < 20_000; i++) {
            JsonNode tree = randomValue(random, 0);
            assertSameAsReference(writer, tree);
            assertSameAsReference(writer, reordered(tree, random));
        }
        for (int i = 0; i < 2_000; i++) {
            ObjectNode event = io.sigil.ledger.fixtures.FakeEvents.event(random, i, 1_795_000_000_000L + i);
            assertSameAsReference(writer, event);
            assertSameAsReference(writer, MAPPER.readTree(MAPPER.writeValueAsBytes(event)));
        }
        for (int i = 0; i < 20_000; i++) {
            // Any UTF-16 sequence, lone surrogates included: both must produce the same bytes or both refuse.
            char[] chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) (random.nextInt(4) == 0 ? random.nextInt(0x100) : random.nextInt(0x10000));
            }
            String text = new String(chars);
            assertSameAsReference(writer, TextNode.valueOf(text));
            assertSameAsReference(writer, NODES.objectNode().put(text, text).put("a" + text, 1));
        }
        for (int i = 0; i < 20_000; i++) {
            assertSameAsReference(writer, DoubleNode.valueOf(randomFiniteDouble(random)));
            assertSameAsReference(writer, DoubleNode.valueOf((double) (random.nextLong() >> random.nextInt(64))));
            assertSameAsReference(writer, LongNode.valueOf(random.nextLong() >> random.nextInt(64)));
            assertSameAsReference(writer, FloatNode.valueOf(random.nextFloat() * random.nextInt(1_000_000)));
            assertSameAsReference(
                    writer, DecimalNode.valueOf(BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20)));
        }
        // Deep nesting (the writer keeps one sort buffer per depth) and a large string (its buffer grows and is
        // dropped).
        JsonNode deep = NODES.textNode("leaf");
        for (int i = 0; i < 100; i++) {
            deep = NODES.objectNode()
                    .put("z", i)
                    .set("a", i % 2 == 0 ? deep : NODES.arrayNode().add(deep));
        }
        assertSameAsReference(writer, deep);
        assertSameAsReference(writer, NODES.objectNode().put("big", "é\n\"".repeat(400_000)));
        assertSameAsReference(writer, io.sigil.ledger.fixtures.FakeEvents.event(random, 1, 2));
    }

    private static void assertSameAsReference(JcsWriter writer, JsonNode tree) {
        byte[] expected;
        try {
            expected = JcsReference.canonicalize(tree);
        } catch (IllegalArgumentException refused) {
            assertThatThrownBy(() -> writer.canonicalize(tree)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertThat(writer.canonicalize(tree)).as("%s", tree).isEqualTo(expected);
        assertThat(Jcs.canonicalize(tree)).isEqualTo(expected);
    }

    private static int significantDigits(String number) {
        String mantissa = number.replace("-", "").split("[eE]")[0].replace(".", "");
        String trimmed = mantissa.replaceAll("^0+", "").replaceAll("0+$", "");
        return Math.max(trimmed.length(), 1);
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 3 -> NODES.numberNode(randomFiniteDouble(random));
            case 4 -> NODES.numberNode(new BigInteger(random.nextInt(90) + 1, random));
            case 5 -> NODES.textNode(randomString(random));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(randomString(random), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static double randomFiniteDouble(Random random) {
        while (true) {
            double value =
                    switch (random.nextInt(3)) {
                        case 0 -> Double.longBitsToDouble(random.nextLong());
                        case 1 -> random.nextInt(100_000) / 100.0;
                        default -> random.nextGaussian() * Math.pow(10, random.nextInt(50) - 25);
                    };
            if (Double.isFinite(value)) {
                return value;
            }
        }
    }

    private static String randomString(Random random) {
        String alphabet = "aZ09 _-\"\\/\b\f\n\r\t\u0001\u001f\u007fé€\u2028😀\ufb33\u0080";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** The same value with every object's members inserted in a shuffled order. */
    private static JsonNode reordered(JsonNode node, Random random) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode copy = NODES.objectNode();
            for (String name : names) {
                copy.set(name, reordered(node.get(name), random));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(reordered(element, random)));
            return copy;
        }
        return node;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JcsTest.class.getResourceAsStream("/jcs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
