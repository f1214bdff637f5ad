package io.sigil.core.spi;

import io.sigil.core.model.CallerIdentity;
import io.sigil.core.model.PolicyDecision;
import java.util.Map;

/** Seed 001: decides whether a caller may invoke a tool, and whether a human must confirm it. */
public interface SecurityPolicy {

    PolicyDecision evaluate(PolicyRequest request);

    /**
     * What a policy decides on.
     *
     * @param caller the verified caller
     * @param upstream the upstream server the tool belongs to
     * @param tool the tool's name
     * @param arguments the call's arguments, already scanned
     */
    record PolicyRequest(CallerIdentity caller, String upstream, String tool, Map<String, Object> arguments) {}
}
