package io.sigil.gateway.session;

import java.time.Instant;

/**
 * One MCP session: its id (never derived from anything guessable), who opened it, under which protocol
 * revision, and when. A session belongs to the caller that opened it: the same subject through the same client.
 */
public record McpSession(String id, String subject, String clientId, String revision, Instant opened) {

    /** Whether a caller is the one that opened the session. */
    public boolean ownedBy(String subject, String clientId) {
        return this.subject.equals(subject) && java.util.Objects.equals(this.clientId, clientId);
    }
}
