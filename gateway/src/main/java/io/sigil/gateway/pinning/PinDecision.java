package io.sigil.gateway.pinning;

import java.util.List;
import java.util.Optional;

/**
 * Whether a tool version may be listed and called.
 *
 * @param tool the tool's name
 * @param digest the digest of the version decided on
 * @param usable whether it is listed and may be called
 * @param refusal the reason a caller is given when it is not usable
 * @param markers injection markers found in it
 */
public record PinDecision(String tool, String digest, boolean usable, Optional<String> refusal, List<String> markers) {

    public PinDecision {
        markers = List.copyOf(markers);
    }

    static PinDecision of(ToolPin pin, PinningPolicy policy) {
        if (pin.approved()) {
            return new PinDecision(pin.tool(), pin.digest(), true, Optional.empty(), pin.markers());
        }
        boolean changed = pin.changeOf() != null;
        boolean suspected = !pin.markers().isEmpty();
        if (changed && policy.onChange() == PinningPolicy.Mode.HIDE) {
            return refused(
                    pin,
                    "the definition of tool " + pin.tool() + " changed since it was pinned and awaits"
                            + " approval by an administrator");
        }
        if (suspected && policy.onInjection() == PinningPolicy.Mode.HIDE) {
            return refused(
                    pin,
                    "the description of tool " + pin.tool() + " carries instructions aimed at the model ("
                            + String.join(", ", pin.markers()) + ") and awaits approval by an administrator");
        }
        return new PinDecision(pin.tool(), pin.digest(), true, Optional.empty(), pin.markers());
    }

    private static PinDecision refused(ToolPin pin, String reason) {
        return new PinDecision(pin.tool(), pin.digest(), false, Optional.of(reason), pin.markers());
    }
}
