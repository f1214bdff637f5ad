package io.sigil.gateway.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.gateway.federation.FederatedLists;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.federation.Member;
import io.sigil.gateway.federation.Router;
import io.sigil.gateway.pipeline.AnswerFilter;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageResult;
import io.sigil.gateway.upstream.UpstreamClient;
import io.sigil.gateway.upstream.UpstreamException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Sends the request to the upstream that answers it — or, for a list across federated upstreams, to every
 * upstream the caller may reach — and answers with the upstream's answer, after the answer filters earlier
 * stages registered on the exchange.
 */
public final class ForwardStage implements Stage {

    public static final String NAME = "forward";

    private final Federation federation;
    private final Router router;
    private final FederatedLists lists;

    public ForwardStage(Federation federation) {
        this.federation = federation;
        this.router = new Router(federation);
        this.lists = new FederatedLists(federation);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<StageResult> apply(Exchange exchange) {
        if (!federation.passThrough() && FederatedLists.LISTS.containsKey(exchange.method())) {
            return list(exchange);
        }
        Router.Routing routing = router.route(exchange.request());
        if (routing instanceof Router.Unroutable unroutable) {
            return CompletableFuture.completedFuture(StageResult.reject(unroutable.error(), unroutable.detail(), 400));
        }
        return send(exchange, (Router.Routed) routing);
    }

    private CompletionStage<StageResult> send(Exchange exchange, Router.Routed routed) {
        Member member = routed.member();
        exchange.upstream(member.name());
        if (!reachable(exchange, member)) {
            // The registry names the upstreams each agent may reach; any other is refused before it is contacted.
            return CompletableFuture.completedFuture(StageResult.reject(
                    JsonRpcError.FORBIDDEN,
                    "agent " + exchange.agent().did() + " may not reach upstream " + member.name(),
                    403));
        }
        return member.upstream()
                .call(routed.request(), exchange.notifications())
                .<StageResult>thenApply(answer -> StageResult.respond(members(answer)))
                .exceptionally(failure -> failed(failure, member.name()))
                .thenCompose(result -> filtered(result, exchange.answerFilters(), 0));
    }

    private CompletionStage<StageResult> list(Exchange exchange) {
        List<Member> reachable = federation.members().stream()
                .filter(member -> reachable(exchange, member))
                .toList();
        exchange.upstream(reachable.stream().map(Member::name).collect(Collectors.joining(",")));
        return lists.list(exchange.request(), reachable)
                .<StageResult>thenApply(answer -> StageResult.respond(members(answer)))
                .exceptionally(failure -> failed(failure, exchange.upstream()))
                .thenCompose(result -> filtered(result, exchange.answerFilters(), 0));
    }

    /**
     * The answer as JSON-RPC defines it: members an upstream adds beside {@code jsonrpc}, {@code id},
     * {@code result} and {@code error} are dropped, since only those are scanned before the answer leaves.
     */
    private static ObjectNode members(ObjectNode answer) {
        if (answer.size() == 3
                && answer.has("jsonrpc")
                && answer.has("id")
                && (answer.has("result") || answer.has("error"))) {
            return answer;
        }
        ObjectNode clean = answer.objectNode();
        clean.put("jsonrpc", "2.0");
        clean.set("id", answer.get("id"));
        for (String member : new String[] {"result", "error"}) {
            if (answer.has(member)) {
                clean.set(member, answer.get(member));
            }
        }
        return clean;
    }

    private static boolean reachable(Exchange exchange, Member member) {
        return exchange.agent() == null || exchange.agent().allowedUpstreams().contains(member.name());
    }

    /** Passes an upstream answer through the filters earlier stages asked for; the first refusal stops it. */
    private static CompletionStage<StageResult> filtered(StageResult result, List<AnswerFilter> filters, int index) {
        if (index == filters.size() || !(result instanceof StageResult.Respond respond)) {
            return CompletableFuture.completedFuture(result);
        }
        return filters.get(index).filter(respond.message()).thenCompose(next -> filtered(next, filters, index + 1));
    }

    private static StageResult failed(Throwable failure, String upstream) {
        Throwable cause = UpstreamClient.unwrap(failure);
        if (cause instanceof UpstreamException refused) {
            int status =
                    switch (refused.error()) {
                        case UPSTREAM_TIMEOUT -> 504;
                        case INVALID_PARAMS -> 400;
                        default -> 502;
                    };
            return StageResult.reject(refused.error(), refused.getMessage(), status);
        }
        return StageResult.reject(JsonRpcError.UPSTREAM_UNAVAILABLE, "upstream " + upstream + " failed", 502);
    }
}
