package io.sigil.gateway.federation;

/** Where a request naming a tool, prompt or resource goes: the upstream, and the name it knows the thing by. */
public record Route(Member member, String local) {}
