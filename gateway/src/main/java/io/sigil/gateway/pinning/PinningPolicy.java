package io.sigil.gateway.pinning;

/**
 * What happens to a tool version awaiting approval: hidden from lists and refused, or passed with its audit
 * event only.
 *
 * @param onChange for a definition that differs from the pinned one
 * @param onInjection for a definition carrying injection markers
 */
public record PinningPolicy(Mode onChange, Mode onInjection) {

    /** Hide (and refuse) or warn (audit only). */
    public enum Mode {
        HIDE,
        WARN
    }

    public static final PinningPolicy STRICT = new PinningPolicy(Mode.HIDE, Mode.HIDE);
}
