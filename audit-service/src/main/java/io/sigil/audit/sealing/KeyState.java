package io.sigil.audit.sealing;

/** The stored state of the forward-secure key: the genesis epoch and the current epoch's key only. */
public record KeyState(long genesisEpoch, long epoch, byte[] key) {}
