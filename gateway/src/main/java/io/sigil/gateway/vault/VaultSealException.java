package io.sigil.gateway.vault;

/** A finding that could not be sealed (too large for an entry, or a failed seal): the call must be refused. */
public final class VaultSealException extends RuntimeException {

    public VaultSealException(String message) {
        super(message);
    }
}
