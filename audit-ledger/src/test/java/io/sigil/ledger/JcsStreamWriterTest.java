package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.ledger.fixtures.FakeEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JcsStreamWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JcsStreamWriter.Members ANY = (depth, parent, name, parser) -> true;

    private final JcsStreamWriter stream = new JcsStreamWriter();
    private final JcsWriter tree = new JcsWriter();

    @Test
    void sortsMembersAtEveryLevelAndKeepsArrayOrder() throws IOException {
        assertThat(streamed("{ \"b\" : [3, {\"y\":1,\"x\":2}], \"a\":{\"d\":null,\"c\":true}, \"\\u0041\":\"\\/\"}"))
                .isEqualTo("{\"A\":\"/\",\"a\":{\"c\":true,\"d\":null},\"b\":[3,{\"x\":2,\"y\":1}]}");
        assertThat(streamed("{\"n\":1.50,\"m\":-0.0,\"k\":1E2,\"j\":9007199254740992}"))
                .isEqualTo("{\"j\":9007199254740992,\"k\":100,\"m\":0,\"n\":1.5}");
    }

    @Test
    void declinesWhatTheTreePathMustDecide() throws IOException {
        for (String text : List.of(
                "{\"a\":1,\"a\":2}", // the tree keeps the last
                "{\"o\":{\"a\":1,\"b\":2,\"a\":3}}",
                "{\"a\":9007199254740993}", // rounded through a double by the tree writer
                "{\"a\":123456789012345678901234567890}",
                "[1,2]",
                "\"text\"",
                "{\"a\":1} {}",
                "{\"a\":1",
                "{\"a\":\"\\ud800\"}", // a lone surrogate
                "{\"a\":1e400}", // infinite
                "")) {
            assertThat(streamedOrNull(text)).as(text).isNull();
        }
    }

    @Test
    void reportsEveryMemberWithItsDepthAndParent() throws IOException {
        List<String> seen = new ArrayList<>();
        stream.canonicalize(
                MAPPER.createParser("{\"a\":{\"b\":[{\"c\":1}],\"d\":\"x\"},\"e\":null}"),
                (depth, parent, name, parser) ->
                        seen.add(depth + ":" + parent + ":" + name + ":" + parser.currentToken()));
        assertThat(seen)
                .containsExactly(
                        "0:null:a:START_OBJECT",
                        "1:a:b:START_ARRAY",
                        "3:null:c:VALUE_NUMBER_INT",
                        "1:a:d:VALUE_STRING",
                        "0:null:e:VALUE_NULL");
        assertThat(stream.canonicalize(MAPPER.createParser("{\"a\":1,\"b\":2}"), (d, p, n, parser) -> !n.equals("b")))
                .isNull();
    }

    /**
     * The property the sealer relies on: whenever the stream writer answers, its bytes are those of the tree path
     * (readTree, then {@link JcsWriter}); and it does answer for plain events.
     */
    @Test
    void agreesWithTheTreePathOnGeneratedTexts() throws IOException {
        Random random = new Random(20261124);
        int answered = 0;
        int texts = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = text(randomObject(random, 0), random);
            texts++;
            if (assertAgrees(text)) {
                answered++;
            }
            String mutated = mutate(text, random);
            texts++;
            if (assertAgrees(mutated)) {
                answered++;
            }
        }
        for (int i = 0; i < 3_000; i++) {
            JsonNode event = FakeEvents.event(random, i, 1_795_000_000_000L + i);
            String text = MAPPER.writeValueAsString(event);
            assertThat(assertAgrees(text)).as(text).isTrue();
            assertThat(assertAgrees(text(event, random))).isTrue();
        }
        // Most generated objects have neither duplicates nor huge integers: the writer must answer for most.
        assertThat(answered).isGreaterThan(texts / 3);
    }

    /** Asserts agreement; true if the stream writer answered. */
    private boolean assertAgrees(String text) {
        byte[] streamed = streamedBytesOrNull(text);
        if (streamed == null) {
            return false;
        }
        byte[] expected;
        try {
            JsonNode node = MAPPER.readTree(text.getBytes(StandardCharsets.UTF_8)); // the bytes the stream read
            assertThat(node.isObject()).as(text).isTrue();
            expected = tree.canonicalize(node);
        } catch (IOException | IllegalArgumentException refused) {
            throw new AssertionError(
                    "the stream writer answered where the tree path refuses (" + refused + "): " + quoted(text));
        }
        assertThat(new String(streamed, StandardCharsets.UTF_8))
                .as(text)
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(streamed).isEqualTo(expected);
        return true;
    }

    private static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private String streamed(String text) throws IOException {
        return new String(stream.canonicalize(MAPPER.createParser(text), ANY), StandardCharsets.UTF_8);
    }

    private String streamedOrNull(String text) {
        byte[] bytes = streamedBytesOrNull(text);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private byte[] streamedBytesOrNull(String text) {
        try {
            return stream.canonicalize(MAPPER.createParser(text.getBytes(StandardCharsets.UTF_8)), ANY);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** JSON text of a tree, with random spacing and some characters of strings written as escapes. */
    private static String text(JsonNode node, Random random) throws IOException {
        String compact = MAPPER.writeValueAsString(node);
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (!inString) {
                out.append(c);
                inString = c == '"';
                if ("{}[],:".indexOf(c) >= 0 && random.nextInt(3) == 0) {
                    out.append(" \n\t\r".charAt(random.nextInt(4)));
                }
            } else if (c == '\\') {
                out.append(c).append(compact.charAt(++i));
            } else if (c == '"') {
                out.append(c);
                inString = false;
            } else if (random.nextInt(10) == 0) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One random change: a member duplicated, a number rewritten, a character replaced, text appended. */
    private static String mutate(String text, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> text.length() > 2 ? "{\"dup\":1," + text.substring(1, text.length() - 1) + ",\"dup\":2}" : text;
            case 1 -> text.replaceFirst("([0-9])([,}\\]])", "$1.0$2");
            case 2 -> text.replaceFirst("([0-9])([,}\\]])", "$1e1$2");
            case 3 -> {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = "{}[]\",:0e-. a\\".charAt(random.nextInt(14));
                yield new String(chars);
            }
            default -> text + (random.nextBoolean() ? " " : " {}");
        };
    }

    private static JsonNode randomObject(Random random, int depth) {
        com.fasterxml.jackson.databind.node.ObjectNode object = MAPPER.createObjectNode();
        for (int i = random.nextInt(7); i > 0; i--) {
            object.set(randomName(random), randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        var nodes = MAPPER.getNodeFactory();
        return switch (random.nextInt(depth > 3 ? 7 : 9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextInt(1_000_000) - 500_000);
            case 3 -> nodes.numberNode(random.nextLong() >> random.nextInt(64));
            case 4 -> nodes.numberNode(
                    random.nextInt(3) == 0
                            ? Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)
                            : random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 5 -> nodes.numberNode(new java.math.BigInteger(random.nextInt(90) + 1, random));
            case 6 -> nodes.textNode(randomName(random));
            case 7 -> {
                com.fasterxml.jackson.databind.node.ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> randomObject(random, depth);
        };
    }

    private static String randomName(Random random) {
        String alphabet = "abcAZ_09 \"\\/\n\t\u0001\u007fé€😀\ufb33";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
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
}
