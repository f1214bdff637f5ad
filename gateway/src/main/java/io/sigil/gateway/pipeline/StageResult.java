package io.sigil.gateway.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
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
     */
    record Reject(JsonRpcError error, String detail, int httpStatus) implements StageResult {
        public Reject {
            Objects.requireNonNull(error, "error");
        }
    }

    static StageResult respond(ObjectNode message) {
        return new Respond(message);
    }

    static StageResult reject(JsonRpcError error, String detail, int httpStatus) {
        return new Reject(error, detail, httpStatus);
    }
}
