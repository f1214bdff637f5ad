package io.sigil.gateway.pipeline;

/**
 * Receives how long each stage took for one exchange, from its call to the completion of its result: for
 * forward that includes the upstream, for audit the broker's acknowledgement when it is awaited.
 */
@FunctionalInterface
public interface StageTimer {

    StageTimer NONE = (stage, outcome, nanos) -> {};

    void record(String stage, String outcome, long nanos);
}
