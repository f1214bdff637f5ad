package io.sigil.identity.rest;

/**
 * The optional body of a status change.
 *
 * @param reason why the administrator suspends, reactivates or revokes the agent; recorded in the audit event
 */
public record StatusRequest(String reason) {}
