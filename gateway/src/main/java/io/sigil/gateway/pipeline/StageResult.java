package io.sigil.gateway.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import java.util.Map;
import java.util.Objects;

/** What a stage decided: go on, answer now, or refuse. Refusals are results, never exceptions. */
public sealed interface StageResult {

    Continue CONTINUE = new Continue();

    /** Pass the exchange to the next stage. */
    record Continue() implements StageResult {}

    /** Stop the chain and answer with this JSON-RPC message (a result or an upstream's own error). */
    record Respond(ObjectNode message) implements StageResult {
        public Respond {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Stop the chain and refuse with a JSON-RPC error.
     *
     * @param error the error code
     * @param detail a sentence for the caller, never holding a secret
     * @param httpStatus the HTTP status of the answer
     * @param headers HTTP headers the answer carries, such as an authentication challenge
     */
    record Reject(JsonRpcError error, String detail, int httpStatus, Map<String, String> headers)
            implements StageResult {
        public Reject {
            Objects.requireNonNull(error, "error");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public Reject(JsonRpcError error, String detail, int httpStatus) {
            this(error, detail, httpStatus, Map.of());
        }
    }

    static StageResult respond(ObjectNode message) {
        return new Respond(message);
    }

    static StageResult reject(JsonRpcError error, String detail, int httpStatus) {
        return new Reject(error, detail, httpStatus);
    }
}
