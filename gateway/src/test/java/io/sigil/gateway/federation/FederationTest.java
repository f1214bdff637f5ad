package io.sigil.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.testing.Upstreams;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Routing and list merging across two upstreams made of functions. */
class FederationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> weatherSaw = new ArrayList<>();
    private final List<String> mailSaw = new ArrayList<>();

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Answers every list with two pages of one item each, and every other request with what it received. */
    private static CompletionStage<ObjectNode> serve(ObjectNode request, String item, List<String> seen) {
        seen.add(request.toString());
        String method = request.path("method").asText();
        String key = FederatedLists.LISTS.get(method);
        if (key != null) {
            boolean second = request.path("params").has("cursor");
            String entry = key.equals("resources")
                    ? "{\"uri\":\"" + item + "://" + (second ? "b" : "a") + "\",\"name\":\"" + item + "\"}"
                    : key.equals("resourceTemplates")
                            ? "{\"uriTemplate\":\"" + item + "://t/{id}\",\"name\":\"" + item + "\"}"
                            : "{\"name\":\"" + item + (second ? "_2" : "") + "\"}";
            return CompletableFuture.completedFuture(json("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{\"" + key
                    + "\":[" + entry + "]" + (second ? "" : ",\"nextCursor\":\"p2\"") + "}}"));
        }
        ObjectNode answer = json("{\"jsonrpc\":\"2.0\",\"result\":{}}");
        answer.set("id", request.get("id"));
        ((ObjectNode) answer.get("result")).set("received", request);
        return CompletableFuture.completedFuture(answer);
    }

    private Federation federation() {
        return new Federation(List.of(
                Upstreams.member(Upstreams.of("weather", r -> serve(r, "forecast", weatherSaw)), "weather__"),
                Upstreams.member(Upstreams.of("mail", r -> serve(r, "inbox", mailSaw)), "mail__")));
    }

    private static List<String> names(JsonNode items, String field) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    @Test
    void listsAreMergedOverEveryPageWithPrefixedNames() {
        Federation federation = federation();
        FederatedLists lists = new FederatedLists(federation);

        ObjectNode tools = lists.list(
                        json("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}"), federation.members())
                .toCompletableFuture()
                .join();

        assertThat(tools.path("id").asInt()).isEqualTo(5);
        assertThat(names(tools.path("result").path("tools"), "name"))
                .containsExactly("weather__forecast", "weather__forecast_2", "mail__inbox", "mail__inbox_2");
        assertThat(tools.path("result").has("nextCursor")).isFalse();
    }

    @Test
    void callsAndPromptsGoToTheirUpstreamUnderTheirOwnName() {
        Router router = new Router(federation());

        Router.Routed call =
                (Router.Routed) router.route(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"mail__inbox\",\"arguments\":{}}}"));
        Router.Routed prompt = (Router.Routed) router.route(json("{\"jsonrpc\":\"2.0\",\"id\":2,"
                + "\"method\":\"prompts/get\",\"params\":{\"name\":\"weather__daily\"}}"));
        Router.Routed completion = (Router.Routed) router.route(json("{\"jsonrpc\":\"2.0\",\"id\":3,"
                + "\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\","
                + "\"name\":\"mail__draft\"},\"argument\":{\"name\":\"to\",\"value\":\"a\"}}}"));

        assertThat(call.member().name()).isEqualTo("mail");
        assertThat(call.request().path("params").path("name").asText()).isEqualTo("inbox");
        assertThat(prompt.member().name()).isEqualTo("weather");
        assertThat(prompt.request().path("params").path("name").asText()).isEqualTo("daily");
        assertThat(completion.member().name()).isEqualTo("mail");
        assertThat(completion.request().path("params").path("ref").path("name").asText())
                .isEqualTo("draft");
    }

    @Test
    void unknownNamesAndUnroutableMethodsAreRefused() {
        Router router = new Router(federation());

        Router.Routing unknown = router.route(
                json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"," + "\"params\":{\"name\":\"inbox\"}}"));
        Router.Routing bare = router.route(
                json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"," + "\"params\":{\"name\":\"mail__\"}}"));
        Router.Routing other = router.route(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\"}"));

        assertThat(unknown).isEqualTo(new Router.Unroutable(JsonRpcError.INVALID_PARAMS, "unknown tool: inbox"));
        assertThat(bare).isInstanceOf(Router.Unroutable.class);
        assertThat(other)
                .isEqualTo(new Router.Unroutable(
                        JsonRpcError.METHOD_NOT_FOUND, "logging/setLevel is not routed across federated upstreams"));
    }

    @Test
    void resourcesAreReadFromTheUpstreamThatListedThemOrWhoseTemplateMatches() {
        Federation federation = federation();
        FederatedLists lists = new FederatedLists(federation);
        Router router = new Router(federation);
        String read = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"%s\"}}";

        // Before any list, no upstream is known for a URI
        assertThat(router.route(json(read.formatted("inbox://b")))).isInstanceOf(Router.Unroutable.class);

        lists.list(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}"), federation.members())
                .toCompletableFuture()
                .join();
        lists.list(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/templates/list\"}"), federation.members())
                .toCompletableFuture()
                .join();

        assertThat(((Router.Routed) router.route(json(read.formatted("inbox://b"))))
                        .member()
                        .name())
                .isEqualTo("mail");
        Router.Routed templated = (Router.Routed) router.route(json(read.formatted("forecast://t/42")));
        assertThat(templated.member().name()).isEqualTo("weather");
        assertThat(templated.request().path("params").path("uri").asText()).isEqualTo("forecast://t/42");
    }

    @Test
    void aListLeavesOutAnUpstreamThatFailsAndFailsWhenAllDo() {
        UpstreamException down = new UpstreamException(JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream mail is down");
        Federation half = new Federation(List.of(
                Upstreams.member(Upstreams.of("weather", r -> serve(r, "forecast", weatherSaw)), "weather__"),
                Upstreams.member(Upstreams.of("mail", r -> CompletableFuture.failedFuture(down)), "mail__")));
        ObjectNode list = json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}");

        ObjectNode prompts = new FederatedLists(half)
                .list(list, half.members())
                .toCompletableFuture()
                .join();
        assertThat(names(prompts.path("result").path("prompts"), "name"))
                .containsExactly("weather__forecast", "weather__forecast_2");

        assertThatThrownBy(() -> new FederatedLists(half)
                        .list(list, half.members().subList(1, 2))
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasCause(down);
    }

    @Test
    void aCursorTheGatewayNeverIssuedIsRefused() {
        Federation federation = federation();
        ObjectNode list =
                json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\"}}");

        assertThatThrownBy(() -> new FederatedLists(federation)
                        .list(list, federation.members())
                        .toCompletableFuture()
                        .join())
                .hasCauseInstanceOf(UpstreamException.class)
                .hasMessageContaining("invalid cursor");
        assertThat(weatherSaw).isEmpty();
    }

    @Test
    void severalUpstreamsWithoutPrefixesOrBadNamesDoNotStart() {
        assertThatThrownBy(() -> new Federation(List.of(
                        Upstreams.member(Upstreams.of("a", r -> null), ""),
                        Upstreams.member(Upstreams.of("b", r -> null), ""))))
                .hasMessageContaining("namespaced");
        assertThatThrownBy(() -> new Federation(List.of(Upstreams.member(Upstreams.of("a__b", r -> null), "a__b__"))))
                .hasMessageContaining("letters, digits or hyphens");
    }
}
