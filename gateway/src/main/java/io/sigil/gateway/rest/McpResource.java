package io.sigil.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.sigil.core.mcp.JsonRpc;
import io.sigil.core.mcp.JsonRpcError;
import io.sigil.core.mcp.McpProtocol;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.SigilEnvelope;
import io.sigil.gateway.auth.CredentialsReader;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Pipeline;
import io.sigil.gateway.pipeline.TransportHeaders;
import io.sigil.runtime.audit.AuditPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway's MCP endpoint (Streamable HTTP, JSON answers). Only callers whose verified token carries
 * the {@code agent} role reach it; every request then passes the configured chain of stages.
 */
@Path("/mcp")
@RolesAllowed("agent")
public class McpResource {

    private static final String INVALID_MESSAGE = "mcp/invalid-message";
    private static final String ORIGIN_REFUSED = "mcp/origin-refused";
    private final Pipeline pipeline;
    private final McpRequestParser parser;
    private final EnvelopeWriter envelopes;
    private final AuditPublisher audit;
    private final SecurityIdentity identity;
    private final Set<String> allowedOrigins;
    private final ObjectMapper mapper;

    public McpResource(
            Pipeline pipeline,
            McpRequestParser parser,
            EnvelopeWriter envelopes,
            AuditPublisher audit,
            SecurityIdentity identity,
            GatewayConfig config,
            ObjectMapper mapper) {
        this.mapper = mapper;
        this.pipeline = pipeline;
        this.parser = parser;
        this.envelopes = envelopes;
        this.audit = audit;
        this.identity = identity;
        this.allowedOrigins = Set.copyOf(config.allowedOrigins().orElse(List.of()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> post(
            byte[] body,
            @HeaderParam(McpProtocol.HEADER_PROTOCOL_VERSION) String protocolVersion,
            @HeaderParam(McpProtocol.HEADER_METHOD) String mcpMethod,
            @HeaderParam(McpProtocol.HEADER_NAME) String mcpName,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Accept") String accept,
            HttpServerResponse raw) {
        if (origin != null && !allowedOrigins.contains(origin)) {
            // MCP requires servers to check Origin: a browser page must not reach the gateway (DNS rebinding).
            return refuse(
                    ORIGIN_REFUSED, JsonRpcError.FORBIDDEN, "requests from origin " + origin + " are not allowed", 403);
        }
        JsonNode message;
        try {
            message = parser.parse(body);
        } catch (IOException malformed) {
            return refuse(INVALID_MESSAGE, JsonRpcError.PARSE_ERROR, malformed.getMessage(), 400);
        }
        if (message.isArray()) {
            return refuse(
                    INVALID_MESSAGE,
                    JsonRpcError.INVALID_REQUEST,
                    "JSON-RPC batches are not part of MCP since 2025-06-18",
                    400);
        }
        if (!(message instanceof ObjectNode request)) {
            return refuse(INVALID_MESSAGE, JsonRpcError.INVALID_REQUEST, "a JSON-RPC message must be an object", 400);
        }
        if (!request.has("id") || !request.has("method")) {
            // Notifications and client answers need no reply; they are accepted, never forwarded yet.
            return Uni.createFrom().item(Response.accepted().build());
        }
        Optional<String> revision = McpProtocol.fromHeader(protocolVersion);
        if (revision.isEmpty()) {
            return refuse(
                    INVALID_MESSAGE,
                    JsonRpcError.INVALID_REQUEST,
                    "unsupported MCP-Protocol-Version; supported: " + McpProtocol.SUPPORTED,
                    400);
        }
        // A client's envelope is never a claim: both of its places are cleared before the chain runs.
        request.remove(SigilEnvelope.MEMBER);
        if (request.path("params").path("_meta").isObject()) {
            ((ObjectNode) request.get("params").get("_meta")).remove(SigilEnvelope.META_KEY);
        }
        Exchange exchange =
                new Exchange(request, credentials(), new TransportHeaders(revision.get(), mcpMethod, mcpName));
        if (!streams(accept, request)) {
            return Uni.createFrom()
                    .completionStage(() -> pipeline.run(exchange))
                    .map(this::answer);
        }
        SseAnswer stream = new SseAnswer(raw, mapper);
        exchange.streamTo(stream::message);
        return Uni.createFrom().completionStage(() -> pipeline.run(exchange)).map(done -> {
            if (!stream.started()) {
                return answer(done);
            }
            // The status line went out with the first event: a refusal travels as the stream's last event.
            stream.end(envelopes.write(message(done), done));
            return null;
        });
    }

    /**
     * Whether the answer may be a stream: the caller accepts one and asked for progress, the only messages that
     * come before an answer.
     */
    private static boolean streams(String accept, ObjectNode request) {
        return accept != null
                && accept.contains("text/event-stream")
                && request.path("params").path("_meta").has("progressToken");
    }

    /** The JSON-RPC message that answers the exchange: the answer, or the error of its refusal. */
    private static ObjectNode message(Exchange exchange) {
        if (exchange.rejection() != null) {
            return JsonRpc.error(
                    exchange.id(),
                    exchange.rejection().error(),
                    exchange.rejection().detail());
        }
        return exchange.response() != null
                ? exchange.response()
                : JsonRpc.error(exchange.id(), JsonRpcError.INTERNAL_ERROR, "no stage answered the request");
    }

    private Response answer(Exchange exchange) {
        if (exchange.rejection() != null) {
            ObjectNode error = JsonRpc.error(
                    exchange.id(),
                    exchange.rejection().error(),
                    exchange.rejection().detail());
            Response.ResponseBuilder refused = Response.status(
                            exchange.rejection().httpStatus())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(envelopes.write(error, exchange));
            exchange.rejection().headers().forEach(refused::header);
            return refused.build();
        }
        ObjectNode response = exchange.response();
        if (response == null) {
            // Every stage continued and none answered: the chain is misconfigured; fail closed.
            response = JsonRpc.error(exchange.id(), JsonRpcError.INTERNAL_ERROR, "no stage answered the request");
            return Response.serverError()
                    .entity(envelopes.write(response, exchange))
                    .build();
        }
        return Response.ok(envelopes.write(response, exchange), MediaType.APPLICATION_JSON)
                .build();
    }

    private Uni<Response> refuse(String activity, JsonRpcError error, String detail, int status) {
        Map<String, Object> attributes = Map.of("error_code", error.code(), "reason", detail, "client_id", clientId());
        AuditEvent event = new AuditEvent(
                AuditEvent.newAuditId(),
                Instant.now(),
                AuditEvent.API_ACTIVITY,
                activity,
                "gateway",
                identity.getPrincipal().getName(),
                null,
                "failure",
                attributes);
        ObjectNode body = JsonRpc.error(null, error, detail);
        return audit.publish(event)
                .map(acknowledged -> Response.status(status)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(body)
                        .build())
                .onFailure()
                .recoverWithItem(() -> Response.status(503)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(JsonRpc.error(null, JsonRpcError.AUDIT_UNAVAILABLE, "refused"))
                        .build());
    }

    private Credentials credentials() {
        return CredentialsReader.of(identity, token());
    }

    private String clientId() {
        return CredentialsReader.clientId(token());
    }

    /** The verified token: the gateway's own verifier puts it on the identity as its principal. */
    private JsonWebToken token() {
        return (JsonWebToken) identity.getPrincipal();
    }
}
