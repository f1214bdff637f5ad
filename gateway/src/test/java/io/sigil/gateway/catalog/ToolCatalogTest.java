package io.sigil.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.testing.MutableClock;
import io.sigil.gateway.upstream.UpstreamException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<ObjectNode> requests = new ArrayList<>();

    private static ObjectNode page(String cursor, String... tools) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        ObjectNode result = answer.putObject("result");
        for (String tool : tools) {
            ObjectNode definition = result.withArray("tools").addObject().put("name", tool);
            definition.putObject("inputSchema").put("type", "object");
        }
        if (cursor != null) {
            result.put("nextCursor", cursor);
        }
        return answer;
    }

    private Function<ObjectNode, CompletionStage<ObjectNode>> upstream(List<ObjectNode> answers) {
        return request -> {
            requests.add(request);
            return CompletableFuture.completedFuture(answers.get(requests.size() - 1));
        };
    }

    @Test
    void readsEveryPageOfTheToolList() {
        // Given an upstream that lists its tools on two pages
        ToolCatalog catalog = new ToolCatalog(
                upstream(List.of(page("p2", "get_weather"), page(null, "drop_table"))),
                Duration.ofMinutes(1),
                Clock.systemUTC());

        // When
        var tools = catalog.tools().toCompletableFuture().join();

        // Then
        assertThat(tools).containsOnlyKeys("get_weather", "drop_table");
        assertThat(requests.get(1).path("params").path("cursor").asText()).isEqualTo("p2");
    }

    @Test
    void reusesTheListUntilItIsTooOld() {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        ToolCatalog catalog = new ToolCatalog(
                upstream(List.of(page(null, "a"), page(null, "a", "b"))), Duration.ofSeconds(60), clock);

        catalog.tools().toCompletableFuture().join();
        catalog.tools().toCompletableFuture().join();
        assertThat(requests).hasSize(1);

        clock.set(start.plusSeconds(61));
        assertThat(catalog.tools().toCompletableFuture().join()).containsOnlyKeys("a", "b");
        assertThat(requests).hasSize(2);
    }

    @Test
    void fetchesAgainForAToolTheListLacksAtMostOncePerInterval() {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        ToolCatalog catalog = new ToolCatalog(
                upstream(List.of(page(null, "a"), page(null, "a", "b"), page(null, "a", "b"))),
                Duration.ofSeconds(60),
                clock);
        catalog.tools().toCompletableFuture().join();

        // Within the interval a missing tool does not cause a fetch
        assertThat(catalog.toolsIncluding("b").toCompletableFuture().join()).containsOnlyKeys("a");
        clock.set(start.plusSeconds(3));
        assertThat(catalog.toolsIncluding("b").toCompletableFuture().join()).containsOnlyKeys("a", "b");
        assertThat(catalog.toolsIncluding("missing").toCompletableFuture().join())
                .containsOnlyKeys("a", "b");
        assertThat(requests).hasSize(2);
    }

    @Test
    void fetchesAgainAtOnceForAToolAClientWasShownInAList() {
        // Given a list fetched a moment ago
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        ToolCatalog catalog = new ToolCatalog(
                upstream(List.of(page(null, "a"), page(null, "a", "b"))), Duration.ofSeconds(60), clock);
        catalog.tools().toCompletableFuture().join();

        // When a tools/list answer that names a tool the catalogue lacks passes on its way to a client
        catalog.noticeListed(List.of("a"));
        assertThat(requests).hasSize(1);
        catalog.noticeListed(List.of("a", "b"));

        // Then a call of that tool finds it, within the refetch interval
        assertThat(catalog.toolsIncluding("b").toCompletableFuture().join()).containsOnlyKeys("a", "b");
        assertThat(requests).hasSize(2);
    }

    @Test
    void doesNotKeepAFailedFetch() {
        List<CompletionStage<ObjectNode>> answers = List.of(
                CompletableFuture.failedFuture(new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "down")),
                CompletableFuture.completedFuture(page(null, "a")));
        ToolCatalog catalog = new ToolCatalog(
                request -> {
                    requests.add(request);
                    return answers.get(requests.size() - 1);
                },
                Duration.ofMinutes(1),
                Clock.systemUTC());

        assertThatThrownBy(() -> catalog.tools().toCompletableFuture().join())
                .hasCauseInstanceOf(UpstreamException.class);
        assertThat(catalog.tools().toCompletableFuture().join()).containsOnlyKeys("a");
    }

    @Test
    void refusesSchemasThatReferToExternalDocuments() throws Exception {
        ToolDefinition remote = SchemaCompiler.compile(
                "fetcher",
                JSON.readTree("{\"name\":\"fetcher\",\"inputSchema\":{\"type\":\"object\","
                        + "\"properties\":{\"x\":{\"$ref\":\"http://127.0.0.1:1/evil.json\"}}}}"));
        ToolDefinition local = SchemaCompiler.compile(
                "local",
                JSON.readTree("{\"name\":\"local\",\"inputSchema\":{\"type\":\"object\",\"$defs\":{\"s\":{\"type\":"
                        + "\"string\"}},\"properties\":{\"x\":{\"$ref\":\"#/$defs/s\"}}}}"));
        ToolDefinition none = SchemaCompiler.compile("bare", JSON.readTree("{\"name\":\"bare\"}"));

        assertThat(remote.unusable())
                .hasValueSatisfying(reason -> assertThat(reason).contains("external"));
        assertThat(local.unusable()).isEmpty();
        assertThat(none.unusable()).isPresent();
    }
}
