package io.sigil.gateway.session;

import io.sigil.gateway.audit.ShortDigest;

/** A session id as the audit trail may hold it: a session id is a bearer capability, its digest is not. */
public final class SessionDigest {

    private SessionDigest() {}

    public static String of(String sessionId) {
        return "sha256:" + ShortDigest.of(sessionId);
    }
}
