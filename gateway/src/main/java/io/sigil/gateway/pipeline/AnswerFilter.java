package io.sigil.gateway.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionStage;

/**
 * A stage's look at the upstream's answer before it leaves the gateway (a response filter): it answers with
 * the answer as it should go on ({@link StageResult.Respond}) or refuses it. It must not fail; a failure is a
 * refusal by the chain.
 */
@FunctionalInterface
public interface AnswerFilter {

    CompletionStage<StageResult> filter(ObjectNode answer);
}
