package io.sigil.audit.sealing;

/** An event ready to seal: its RFC 8785 canonical text and the facts the SOC queries by. */
public record CanonicalEvent(String canonical, EventFacts facts) {}
