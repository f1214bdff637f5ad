package io.sigil.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.identity.IdentityRecords;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.identity.TrustRules;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replica's content: applies identities-topic records in order, keeping for each agent the highest version
 * seen, so a replayed or stale record never undoes a later suspension or revocation.
 */
final class DirectorySnapshot {

    /** What applying one record did, for the replica's log and metrics. */
    enum Applied {
        AGENT,
        RULES,
        STALE,
        IGNORED,
        MALFORMED
    }

    private final ObjectMapper mapper;
    private final Map<String, RegisteredAgent> byDid = new ConcurrentHashMap<>();
    private final Map<String, RegisteredAgent> byClient = new ConcurrentHashMap<>();
    private volatile TrustRules rules;

    DirectorySnapshot(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Optional<RegisteredAgent> byClient(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(byClient.get(clientId));
    }

    Optional<TrustRules> rules() {
        return Optional.ofNullable(rules);
    }

    int agents() {
        return byDid.size();
    }

    /** Applies one record from the topic; only ever called by the replica's one consumer thread. */
    Applied apply(String key, String value) {
        if (value == null) {
            // A tombstone: identity-service never deletes agents, so an unexpected deletion must not let one back in.
            return Applied.IGNORED;
        }
        try {
            if (IdentityRecords.isTrustRules(key)) {
                return applyRules(mapper.readValue(value, TrustRules.class));
            }
            if (IdentityRecords.isAgent(key)) {
                return applyAgent(key, mapper.readValue(value, RegisteredAgent.class));
            }
            return Applied.IGNORED;
        } catch (IOException | RuntimeException malformed) {
            return Applied.MALFORMED;
        }
    }

    private Applied applyRules(TrustRules next) {
        if (!next.problems().isEmpty()) {
            return Applied.MALFORMED;
        }
        TrustRules current = rules;
        if (current != null && current.version() > next.version()) {
            return Applied.STALE;
        }
        rules = next;
        return Applied.RULES;
    }

    private Applied applyAgent(String key, RegisteredAgent next) {
        if (!key.equals(next.did())
                || next.clientId() == null
                || next.status() == null
                || next.maxTrustLevel() == null) {
            return Applied.MALFORMED;
        }
        RegisteredAgent current = byDid.get(key);
        if (current != null && current.version() > next.version()) {
            return Applied.STALE;
        }
        byDid.put(key, next);
        if (current != null && !current.clientId().equals(next.clientId())) {
            byClient.remove(current.clientId(), current);
        }
        RegisteredAgent holder = byClient.get(next.clientId());
        // Two DIDs claiming one client is a registry fault: the one that refuses wins, so the fault fails closed.
        if (holder == null || holder.did().equals(next.did()) || holder.active()) {
            byClient.put(next.clientId(), next);
        }
        return Applied.AGENT;
    }
}
