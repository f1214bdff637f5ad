package io.sigil.vault.persistence;

/** What opening an entry needs: its tenant and key version, both bound into the seal, and the sealed bytes. */
public record SealedEntry(String tenant, int keyVersion, byte[] ciphertext) {}
