package io.sigil.audit.sealing;

/**
 * An event ready to seal: its RFC 8785 canonical text, the same as UTF-8 (what is hashed and stored, encoded once),
 * and the facts the SOC queries by.
 */
public record CanonicalEvent(String canonical, byte[] utf8, EventFacts facts) {}
