package io.sigil.vault.persistence;

/** What opening an entry needs: its tenant, bound into the seal, and the sealed bytes. */
public record SealedEntry(String tenant, byte[] ciphertext) {}
