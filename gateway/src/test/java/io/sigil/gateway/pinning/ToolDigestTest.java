package io.sigil.gateway.pinning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ToolDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theOrderOfKeysDoesNotMatterAtAnyDepth() throws Exception {
        // Given the same tool written with its keys in two orders
        JsonNode one = json("{\"name\":\"w\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\",\"minLength\":1}}}}");
        JsonNode two = json("{\"inputSchema\":{\"properties\":{\"city\":{\"minLength\":1,\"type\":\"string\"}},"
                + "\"type\":\"object\"},\"description\":\"d\",\"name\":\"w\"}");

        // When / Then
        assertThat(ToolDigest.of(one)).isEqualTo(ToolDigest.of(two)).startsWith("sha256:");
        assertThat(ToolDigest.canonical(two))
                .isEqualTo("{\"description\":\"d\",\"inputSchema\":{\"properties\":{\"city\":{\"minLength\":1,"
                        + "\"type\":\"string\"}},\"type\":\"object\"},\"name\":\"w\"}");
    }

    @Test
    void anyChangeOfNameDescriptionSchemaOrAnnotationsChangesIt() throws Exception {
        // Given a tool
        String base =
                ToolDigest.of(json("{\"name\":\"w\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\"}}"));

        // When each pinned member changes, Then so does the digest
        assertThat(ToolDigest.of(json("{\"name\":\"w\",\"description\":\"d \",\"inputSchema\":{\"type\":\"object\"}}")))
                .isNotEqualTo(base);
        assertThat(ToolDigest.of(json("{\"name\":\"x\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\"}}")))
                .isNotEqualTo(base);
        assertThat(ToolDigest.of(json("{\"name\":\"w\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\","
                        + "\"required\":[\"a\"]}}")))
                .isNotEqualTo(base);
        assertThat(ToolDigest.of(json("{\"name\":\"w\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\"},"
                        + "\"annotations\":{\"destructiveHint\":true}}")))
                .isNotEqualTo(base);
    }

    @Test
    void membersOutsideThePinnedOnesDoNotChangeIt() throws Exception {
        // Given a tool and the same tool with a title and _meta
        JsonNode plain = json("{\"name\":\"w\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\"}}");
        JsonNode decorated = json("{\"name\":\"w\",\"title\":\"Weather\",\"_meta\":{\"x\":1},\"description\":\"d\","
                + "\"inputSchema\":{\"type\":\"object\"}}");

        // When / Then
        assertThat(ToolDigest.of(decorated)).isEqualTo(ToolDigest.of(plain));
    }
}
