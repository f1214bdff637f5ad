package io.sigil.gateway.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gateway's MCP sessions, in memory and bounded: a session is found only by the caller that opened it,
 * forgotten when idle too long or deleted, and a client holding too many loses its oldest. Listeners hear of
 * every session that ends, so that its GET stream closes with it.
 */
public final class SessionRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idleTimeout;
    private final int max;
    private final int maxPerClient;
    // Kept in order of last use by its owner (moved to the end on use): the least recently used comes first.
    private final LinkedHashMap<String, Entry> sessions = new LinkedHashMap<>();
    private final Map<String, Consumer<McpSession>> endListeners = new java.util.concurrent.ConcurrentHashMap<>();

    private static final class Entry {
        final McpSession session;
        Instant lastUsed;

        Entry(McpSession session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    /** What opening a session gave: the session, or a refusal because the gateway holds as many as it may. */
    public sealed interface Opened {}

    public record Created(McpSession session) implements Opened {}

    public record Full(int max) implements Opened {}

    public SessionRegistry(Clock clock, Duration idleTimeout, int max, int maxPerClient) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.max = max;
        this.maxPerClient = maxPerClient;
    }

    /** Opens a session for a caller; a client at its bound loses its least recently used session first. */
    public Opened open(String subject, String clientId, String revision) {
        java.util.List<McpSession> ended = new java.util.ArrayList<>();
        Opened opened;
        synchronized (this) {
            expire(ended);
            // Per caller (subject and client): one user of a shared client cannot push out another's sessions.
            java.util.List<Entry> own = sessions.values().stream()
                    .filter(entry -> entry.session.ownedBy(subject, clientId))
                    .toList();
            for (int i = 0; i <= own.size() - maxPerClient; i++) {
                ended.add(sessions.remove(own.get(i).session.id()).session);
            }
            if (sessions.size() >= max) {
                opened = new Full(max);
            } else {
                Instant now = clock.instant();
                McpSession session = new McpSession(newId(), subject, clientId, revision, now);
                sessions.put(session.id(), new Entry(session, now));
                opened = new Created(session);
            }
        }
        ended.forEach(this::ended);
        return opened;
    }

    /** The caller's session by id, marked used; empty when unknown, ended, idle too long or someone else's. */
    public Optional<McpSession> find(String id, String subject, String clientId) {
        java.util.List<McpSession> ended = new java.util.ArrayList<>();
        Optional<McpSession> found;
        synchronized (this) {
            expire(ended);
            Entry entry = sessions.get(id);
            if (entry == null || !entry.session.ownedBy(subject, clientId)) {
                found = Optional.empty();
            } else {
                entry.lastUsed = clock.instant();
                sessions.remove(id);
                sessions.put(id, entry);
                found = Optional.of(entry.session);
            }
        }
        ended.forEach(this::ended);
        return found;
    }

    /** Ends the caller's session; false when it has no such session. */
    public boolean close(String id, String subject, String clientId) {
        McpSession closed = null;
        synchronized (this) {
            Entry entry = sessions.get(id);
            if (entry != null && entry.session.ownedBy(subject, clientId)) {
                closed = sessions.remove(id).session;
            }
        }
        if (closed != null) {
            ended(closed);
        }
        return closed != null;
    }

    /** Calls {@code listener} once, when the session ends (deleted, idle, or pushed out by newer ones). */
    public void onEnd(String id, Consumer<McpSession> listener) {
        endListeners.put(id, listener);
    }

    /** Forgets a listener that is no longer needed (its stream closed first). */
    public void removeEndListener(String id) {
        endListeners.remove(id);
    }

    /** Whether the session is still held (without marking it used). */
    public synchronized boolean isOpen(String id) {
        return sessions.containsKey(id);
    }

    public synchronized int size() {
        return sessions.size();
    }

    private void expire(java.util.List<McpSession> ended) {
        Instant oldest = clock.instant().minus(idleTimeout);
        var iterator = sessions.values().iterator();
        while (iterator.hasNext()) {
            Entry entry = iterator.next();
            // In order of use: once one session is fresh enough, every later one is too.
            if (!entry.lastUsed.isBefore(oldest)) {
                break;
            }
            iterator.remove();
            ended.add(entry.session);
        }
    }

    private void ended(McpSession session) {
        Consumer<McpSession> listener = endListeners.remove(session.id());
        if (listener != null) {
            listener.accept(session);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
