package io.sigil.identity.registry;

import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.identity.audit.Actor;
import io.sigil.identity.audit.RegistryAudit;
import io.sigil.identity.config.IdentityConfig;
import io.sigil.identity.messaging.PublicationRelay;
import io.sigil.identity.messaging.PublicationTracker;
import io.sigil.identity.persistence.AgentRepository;
import io.sigil.identity.persistence.AuditOutbox;
import io.sigil.identity.persistence.StoredAgent;
import io.sigil.identity.registry.Outcome.Applied;
import io.sigil.identity.registry.Outcome.Reason;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Registers and changes agents. Each change is one transaction that bumps the agent's version and writes its
 * audit event; the publication relay then publishes it, and the caller is answered once the broker has
 * acknowledged it or {@code sigil.identity.publish-wait} has passed, whichever comes first.
 */
@ApplicationScoped
public class AgentRegistry {

    private final Pool pool;
    private final AgentRepository repository;
    private final AuditOutbox outbox;
    private final RegistryAudit audit;
    private final PublicationRelay relay;
    private final PublicationTracker tracker;
    private final IdentityConfig config;

    public AgentRegistry(
            Pool pool,
            AgentRepository repository,
            AuditOutbox outbox,
            RegistryAudit audit,
            PublicationRelay relay,
            PublicationTracker tracker,
            IdentityConfig config) {
        this.pool = pool;
        this.repository = repository;
        this.outbox = outbox;
        this.audit = audit;
        this.relay = relay;
        this.tracker = tracker;
        this.config = config;
    }

    public Uni<List<RegisteredAgent>> list() {
        return repository.list();
    }

    public Uni<Optional<RegisteredAgent>> find(String did) {
        return repository.find(did).map(found -> found.map(StoredAgent::agent));
    }

    /** Registers a new, active agent at version 1. */
    public Uni<Outcome<RegisteredAgent>> register(NewAgent request, Actor actor) {
        List<String> problems = AgentRules.problems(request, config.registryDid());
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Outcome.refused(Reason.INVALID, String.join("; ", problems)));
        }
        return insert(AgentRules.toAgent(request), actor, null).flatMap(this::awaitPublication);
    }

    /**
     * Registers the agent unless its DID or client id is taken, without waiting for the broker: for the
     * start-up seed, which must never change an agent that exists.
     */
    public Uni<Boolean> registerIfAbsent(NewAgent request, Actor actor, String reason) {
        List<String> problems = AgentRules.problems(request, config.registryDid());
        if (!problems.isEmpty()) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException(
                            "seed agent " + request.did() + ": " + String.join("; ", problems)));
        }
        return insert(AgentRules.toAgent(request), actor, reason).map(outcome -> outcome instanceof Applied<?>);
    }

    /** Suspends, reactivates or revokes the agent; a revoked agent never changes again. */
    public Uni<Outcome<RegisteredAgent>> change(String did, StatusChange change, String reason, Actor actor) {
        if (reason != null && reason.length() > RegistryAudit.MAX_REASON) {
            return Uni.createFrom()
                    .item(Outcome.refused(
                            Reason.INVALID, "reason must be at most " + RegistryAudit.MAX_REASON + " characters"));
        }
        return modify(did, actor, current -> switch (change.verdict(current.status())) {
                    case CHANGE -> new Modification(
                            current.withStatus(change.target(), current.version() + 1, null),
                            change.activity(),
                            reason,
                            null);
                    case ALREADY -> Modification.NONE;
                    case FORBIDDEN -> new Modification(
                            null,
                            change.activity(),
                            reason,
                            "agent " + did + " is " + current.status().wireName() + "; it cannot become "
                                    + change.target().wireName() + " (revocation is final)");
                })
                .flatMap(this::awaitPublication);
    }

    /** Changes the agent's owner, allowed upstreams or maximum trust level; a revoked agent never changes. */
    public Uni<Outcome<RegisteredAgent>> patch(String did, AgentPatch patch, Actor actor) {
        List<String> problems = AgentRules.problems(patch);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Outcome.refused(Reason.INVALID, String.join("; ", problems)));
        }
        return modify(did, actor, current -> {
                    if (current.status() == AgentStatus.REVOKED) {
                        return new Modification(
                                null, "agents/update", null, "agent " + did + " is revoked; revocation is final");
                    }
                    RegisteredAgent patched = patch.applyTo(current);
                    if (patched.equals(current)) {
                        return Modification.NONE;
                    }
                    return new Modification(
                            new RegisteredAgent(
                                    patched.did(),
                                    patched.clientId(),
                                    patched.owner(),
                                    patched.allowedUpstreams(),
                                    patched.maxTrustLevel(),
                                    patched.status(),
                                    current.version() + 1,
                                    patched.createdAt(),
                                    null),
                            "agents/update",
                            null,
                            null);
                })
                .flatMap(this::awaitPublication);
    }

    private Uni<Outcome<RegisteredAgent>> insert(RegisteredAgent agent, Actor actor, String reason) {
        return pool.withTransaction(connection -> repository
                        .insert(connection, agent)
                        .flatMap(stored -> stored.isEmpty()
                                ? Uni.createFrom()
                                        .item(Outcome.<RegisteredAgent>refused(
                                                Reason.CONFLICT,
                                                "an agent with did " + agent.did() + " or client_id " + agent.clientId()
                                                        + " is already registered"))
                                : outbox.add(
                                                connection,
                                                audit.changed(
                                                        "agents/register",
                                                        actor,
                                                        reason,
                                                        facts(stored.get().agent(), null)))
                                        .replaceWith(new Applied<>(stored.get().agent(), true, true, false))))
                .invoke(this::kickUnlessPublished);
    }

    private Uni<Outcome<RegisteredAgent>> modify(
            String did, Actor actor, Function<RegisteredAgent, Modification> decide) {
        return pool.withTransaction(
                        connection -> repository.lock(connection, did).flatMap(found -> {
                            if (found.isEmpty()) {
                                return Uni.createFrom()
                                        .item(Outcome.<RegisteredAgent>refused(
                                                Reason.NOT_FOUND, "no agent is registered as " + did));
                            }
                            StoredAgent current = found.get();
                            Modification modification = decide.apply(current.agent());
                            if (modification.refusal() != null) {
                                return Uni.createFrom()
                                        .item(Outcome.<RegisteredAgent>refused(
                                                Reason.INVALID_TRANSITION, modification.refusal()));
                            }
                            if (modification.next() == null) {
                                return Uni.createFrom()
                                        .item(new Applied<>(current.agent(), false, false, current.published()));
                            }
                            return apply(connection, current.agent(), modification, actor);
                        }))
                .invoke(this::kickUnlessPublished);
    }

    private Uni<Outcome<RegisteredAgent>> apply(
            SqlConnection connection, RegisteredAgent before, Modification modification, Actor actor) {
        return repository.update(connection, modification.next()).flatMap(stored -> outbox.add(
                        connection,
                        audit.changed(
                                modification.activity(), actor, modification.reason(), facts(stored.agent(), before)))
                .replaceWith(new Applied<>(stored.agent(), false, true, false)));
    }

    private void kickUnlessPublished(Outcome<RegisteredAgent> outcome) {
        if (outcome instanceof Applied<RegisteredAgent> applied && !applied.published()) {
            relay.kick();
        }
    }

    private Uni<Outcome<RegisteredAgent>> awaitPublication(Outcome<RegisteredAgent> outcome) {
        if (!(outcome instanceof Applied<RegisteredAgent> applied) || applied.published()) {
            return Uni.createFrom().item(outcome);
        }
        // An unchanged agent whose last change is still unpublished waits too: a retry after a 202 learns the truth.
        return tracker.await(applied.entry().did(), applied.entry().version(), config.publishWait())
                .map(applied::published);
    }

    /** What an audit event says about an agent's change: where it stands now, and what it was before. */
    static Map<String, Object> facts(RegisteredAgent after, RegisteredAgent before) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("did", after.did());
        facts.put("client_id", after.clientId());
        facts.put("version", after.version());
        facts.put("status", after.status().wireName());
        facts.put("owner", after.owner());
        facts.put("max_trust_level", after.maxTrustLevel().wireName());
        facts.put("allowed_upstreams", String.join(",", after.allowedUpstreams()));
        if (before != null) {
            facts.put("previous_status", before.status().wireName());
            if (!before.owner().equals(after.owner())) {
                facts.put("previous_owner", before.owner());
            }
            if (before.maxTrustLevel() != after.maxTrustLevel()) {
                facts.put("previous_max_trust_level", before.maxTrustLevel().wireName());
            }
            if (!before.allowedUpstreams().equals(after.allowedUpstreams())) {
                facts.put("previous_allowed_upstreams", String.join(",", before.allowedUpstreams()));
            }
        }
        return facts;
    }

    /**
     * What a request does to the current agent: a new version, nothing, or a refusal.
     *
     * @param next the agent's next version; null when nothing changes or the request is refused
     * @param activity the audit activity
     * @param reason the administrator's reason, for the audit event
     * @param refusal why the request is refused; null when it is not
     */
    private record Modification(RegisteredAgent next, String activity, String reason, String refusal) {
        static final Modification NONE = new Modification(null, null, null, null);
    }
}
