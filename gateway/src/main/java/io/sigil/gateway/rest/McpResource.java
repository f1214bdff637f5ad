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
import io.sigil.gateway.audit.UnawaitedAudit;
import io.sigil.gateway.auth.CredentialsReader;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.gateway.pipeline.Credentials;
import io.sigil.gateway.pipeline.Exchange;
import io.sigil.gateway.pipeline.Pipeline;
import io.sigil.gateway.pipeline.TransportHeaders;
import io.sigil.gateway.session.McpSession;
import io.sigil.gateway.session.SessionDigest;
import io.sigil.gateway.session.SessionRegistry;
import io.sigil.gateway.session.SessionStreams;
import io.sigil.runtime.audit.AuditPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    private static final String SESSION_UNKNOWN = "mcp/session-unknown";
    private static final String SESSION_ENDED = "mcp/session-ended";
    private static final String SESSION_OPENED = "mcp/session-opened";
    private static final String SESSIONS_FULL = "mcp/sessions-full";
    private final Pipeline pipeline;
    private final McpRequestParser parser;
    private final EnvelopeWriter envelopes;
    private final AuditPublisher audit;
    private final UnawaitedAudit unawaited;
    private final SecurityIdentity identity;
    private final Set<String> allowedOrigins;
    private final ObjectMapper mapper;
    private final SessionRegistry sessions;
    private final SessionStreams streams;
    private final boolean sessionsRequired;

    public McpResource(
            Pipeline pipeline,
            McpRequestParser parser,
            EnvelopeWriter envelopes,
            AuditPublisher audit,
            UnawaitedAudit unawaited,
            SecurityIdentity identity,
            GatewayConfig config,
            ObjectMapper mapper,
            SessionRegistry sessions,
            SessionStreams streams) {
        this.mapper = mapper;
        this.sessions = sessions;
        this.streams = streams;
        this.sessionsRequired = config.sessions().required();
        this.pipeline = pipeline;
        this.parser = parser;
        this.envelopes = envelopes;
        this.audit = audit;
        this.unawaited = unawaited;
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
            @HeaderParam(McpProtocol.HEADER_SESSION_ID) String sessionId,
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
        Optional<String> revision = McpProtocol.fromHeader(protocolVersion);
        boolean initialize = "initialize".equals(request.path("method").asText());
        if (revision.isPresent() && !McpProtocol.isStateless(revision.get()) && !initialize) {
            Optional<Uni<Response>> refused = checkSession(sessionId);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        if (!request.has("id") || !request.has("method")) {
            // Notifications and client answers need no reply; they are accepted, never forwarded yet.
            return Uni.createFrom().item(Response.accepted().build());
        }
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
        if (initialize) {
            return Uni.createFrom()
                    .completionStage(() -> pipeline.run(exchange))
                    .map(this::initialized);
        }
        // Inside an MCP session, HTTP 400 and 404 tell a client that its session is gone (the Java SDK drops it on
        // either): there a refused request's JSON-RPC error travels with 200 instead of 400.
        boolean inSession = sessionId != null && !McpProtocol.isStateless(revision.get());
        if (!streams(accept, request)) {
            return Uni.createFrom()
                    .completionStage(() -> pipeline.run(exchange))
                    .map(done -> answer(done, inSession));
        }
        SseAnswer stream = new SseAnswer(raw, mapper);
        exchange.streamTo(stream::message);
        return Uni.createFrom().completionStage(() -> pipeline.run(exchange)).map(done -> {
            if (!stream.finish()) {
                return answer(done, inSession);
            }
            // The status line went out with the first event: a refusal travels as the stream's last event.
            stream.end(envelopes.write(message(done), done));
            return null;
        });
    }

    /** Ends the caller's session (revisions with sessions); a later request naming it gets 404. */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> delete(
            @HeaderParam(McpProtocol.HEADER_PROTOCOL_VERSION) String protocolVersion,
            @HeaderParam(McpProtocol.HEADER_SESSION_ID) String sessionId) {
        if (protocolVersion != null && McpProtocol.isStateless(protocolVersion)) {
            return refuse(
                    INVALID_MESSAGE, JsonRpcError.INVALID_REQUEST, "MCP " + protocolVersion + " has no sessions", 405);
        }
        if (sessionId == null) {
            return refuse(INVALID_MESSAGE, JsonRpcError.INVALID_REQUEST, "DELETE needs an Mcp-Session-Id", 400);
        }
        if (!sessions.close(sessionId, subject(), clientId())) {
            return unknownSession();
        }
        return audited(
                SESSION_ENDED,
                "success",
                Map.of("client_id", clientId()),
                Response.noContent().build());
    }

    /**
     * Opens the session's stream of messages from the gateway outside any request (revisions with sessions).
     * It stays open, with keep-alive comments, until the session ends or the caller leaves.
     */
    @GET
    @Produces({MediaType.SERVER_SENT_EVENTS, MediaType.APPLICATION_JSON})
    public Uni<Response> stream(
            @HeaderParam(McpProtocol.HEADER_PROTOCOL_VERSION) String protocolVersion,
            @HeaderParam(McpProtocol.HEADER_SESSION_ID) String sessionId,
            @HeaderParam("Accept") String accept,
            HttpServerResponse raw) {
        if (protocolVersion != null && McpProtocol.isStateless(protocolVersion)) {
            return refuse(
                    INVALID_MESSAGE,
                    JsonRpcError.INVALID_REQUEST,
                    "MCP " + protocolVersion + " has no GET stream",
                    405);
        }
        if (accept == null || !accept.contains("text/event-stream")) {
            return refuse(INVALID_MESSAGE, JsonRpcError.INVALID_REQUEST, "GET must accept text/event-stream", 406);
        }
        if (sessionId == null) {
            return refuse(INVALID_MESSAGE, JsonRpcError.INVALID_REQUEST, "GET needs an Mcp-Session-Id", 400);
        }
        Optional<McpSession> session = sessions.find(sessionId, subject(), clientId());
        if (session.isEmpty()) {
            return unknownSession();
        }
        CompletableFuture<Void> ended = new CompletableFuture<>();
        if (!streams.open(session.get(), raw, ended)) {
            return refuse(INVALID_MESSAGE, JsonRpcError.INVALID_REQUEST, "this session's stream is already open", 409);
        }
        // The request stays in progress until the stream ends; the stream itself wrote the answer.
        return Uni.createFrom().completionStage(ended).map(ignored -> null);
    }

    /** The answer to initialize; with a session of its own for the revisions that have them. */
    private Response initialized(Exchange exchange) {
        ObjectNode response = exchange.response();
        String negotiated = response == null
                ? null
                : response.path("result").path("protocolVersion").asText(null);
        if (exchange.rejection() != null || negotiated == null || McpProtocol.isStateless(negotiated)) {
            return answer(exchange);
        }
        SessionRegistry.Opened opened = sessions.open(subject(), clientId(), negotiated);
        if (opened instanceof SessionRegistry.Created created) {
            unawaited.send(sessionOpened(exchange, created.session().id(), negotiated));
            Response answered = answer(exchange);
            return Response.fromResponse(answered)
                    .header(McpProtocol.HEADER_SESSION_ID, created.session().id())
                    .build();
        }
        unawaited.send(refusalEvent(
                SESSIONS_FULL, JsonRpcError.INTERNAL_ERROR, "the gateway holds as many sessions as it may"));
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON)
                .entity(JsonRpc.error(
                        exchange.id(),
                        JsonRpcError.INTERNAL_ERROR,
                        "the gateway holds as many sessions as it may; try later"))
                .build();
    }

    /**
     * The caller's privileges for the session's life: an Authorize Session event under the initialize call's audit
     * id. The session id is a bearer capability, so only its digest is recorded.
     */
    private AuditEvent sessionOpened(Exchange exchange, String sessionId, String protocolVersion) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("client_id", clientId());
        attributes.put("session_digest", SessionDigest.of(sessionId));
        attributes.put("protocol_version", protocolVersion);
        return new AuditEvent(
                exchange.auditId(),
                Instant.now(),
                AuditEvent.AUTHORIZE_SESSION,
                SESSION_OPENED,
                "gateway",
                exchange.caller() == null
                        ? identity.getPrincipal().getName()
                        : exchange.caller().displayName(),
                exchange.caller() == null ? null : exchange.caller().trustLevel(),
                "success",
                attributes);
    }

    /** A refusal when the request names a session the caller does not hold, or names none where one is required. */
    private Optional<Uni<Response>> checkSession(String sessionId) {
        if (sessionId == null) {
            return sessionsRequired
                    ? Optional.of(refuse(
                            INVALID_MESSAGE,
                            JsonRpcError.INVALID_REQUEST,
                            "this gateway requires an Mcp-Session-Id: initialize first",
                            400))
                    : Optional.empty();
        }
        return sessions.find(sessionId, subject(), clientId()).isPresent()
                ? Optional.empty()
                : Optional.of(unknownSession());
    }

    /** 404, as MCP asks for a session the server does not know: the client initialises again. */
    private Uni<Response> unknownSession() {
        return refuse(
                SESSION_UNKNOWN, JsonRpcError.INVALID_REQUEST, "unknown or ended MCP session; initialize again", 404);
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
        return answer(exchange, false);
    }

    private Response answer(Exchange exchange, boolean inSession) {
        if (exchange.rejection() != null) {
            ObjectNode error = JsonRpc.error(
                    exchange.id(),
                    exchange.rejection().error(),
                    exchange.rejection().detail());
            int status = exchange.rejection().httpStatus();
            Response.ResponseBuilder refused = Response.status(inSession && status == 400 ? 200 : status)
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
        Response refused = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(JsonRpc.error(null, error, detail))
                .build();
        return audited(
                activity,
                "failure",
                Map.of("error_code", error.code(), "reason", detail, "client_id", clientId()),
                refused);
    }

    private AuditEvent refusalEvent(String activity, JsonRpcError error, String detail) {
        return event(
                activity, "failure", Map.of("error_code", error.code(), "reason", detail, "client_id", clientId()));
    }

    private AuditEvent event(String activity, String outcome, Map<String, Object> attributes) {
        return new AuditEvent(
                AuditEvent.newAuditId(),
                Instant.now(),
                AuditEvent.API_ACTIVITY,
                activity,
                "gateway",
                identity.getPrincipal().getName(),
                null,
                outcome,
                attributes);
    }

    /** Answers once the event is on the audit topic; 503 when it cannot be recorded (audit dominance). */
    private Uni<Response> audited(String activity, String outcome, Map<String, Object> attributes, Response answer) {
        return audit.publish(event(activity, outcome, attributes))
                .map(acknowledged -> answer)
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

    private String subject() {
        return identity.getPrincipal().getName();
    }

    /** The verified token: the gateway's own verifier puts it on the identity as its principal. */
    private JsonWebToken token() {
        return (JsonWebToken) identity.getPrincipal();
    }
}
