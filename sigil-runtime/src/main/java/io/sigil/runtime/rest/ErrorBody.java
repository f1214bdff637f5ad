package io.sigil.runtime.rest;

/**
 * The one JSON error shape of every SIGIL REST API.
 *
 * @param error a stable machine-readable code, e.g. {@code not_found}
 * @param message a sentence for people; never holds a secret
 */
public record ErrorBody(String error, String message) {}
