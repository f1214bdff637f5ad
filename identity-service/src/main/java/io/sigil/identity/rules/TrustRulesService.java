package io.sigil.identity.rules;

import io.sigil.core.identity.IdentityRecords;
import io.sigil.core.identity.TrustRules;
import io.sigil.identity.audit.Actor;
import io.sigil.identity.audit.RegistryAudit;
import io.sigil.identity.config.IdentityConfig;
import io.sigil.identity.messaging.PublicationRelay;
import io.sigil.identity.messaging.PublicationTracker;
import io.sigil.identity.persistence.AuditOutbox;
import io.sigil.identity.persistence.TrustRulesRepository;
import io.sigil.identity.registry.Outcome;
import io.sigil.identity.registry.Outcome.Applied;
import io.sigil.identity.registry.Outcome.Reason;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owns the trust rules as data: stores each accepted document as the next version, with its audit event in the
 * same transaction, and has the relay publish it under {@link IdentityRecords#TRUST_RULES_KEY}.
 */
@ApplicationScoped
public class TrustRulesService {

    static final String ACTIVITY = "trust-rules/update";

    private final Pool pool;
    private final TrustRulesRepository repository;
    private final AuditOutbox outbox;
    private final RegistryAudit audit;
    private final PublicationRelay relay;
    private final PublicationTracker tracker;
    private final IdentityConfig config;

    public TrustRulesService(
            Pool pool,
            TrustRulesRepository repository,
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

    public Uni<Optional<TrustRules>> current() {
        return repository.current();
    }

    /**
     * Stores {@code proposed} as the next version (the version it carries is ignored) when it can be applied;
     * refused as invalid with every problem otherwise.
     */
    public Uni<Outcome<TrustRules>> replace(TrustRules proposed, String reason, Actor actor) {
        if (proposed == null) {
            return Uni.createFrom().item(Outcome.refused(Reason.INVALID, "the request body must be trust rules"));
        }
        if (reason != null && reason.length() > RegistryAudit.MAX_REASON) {
            return Uni.createFrom()
                    .item(Outcome.refused(
                            Reason.INVALID, "reason must be at most " + RegistryAudit.MAX_REASON + " characters"));
        }
        List<String> problems = withVersion(proposed, 1).problems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Outcome.refused(Reason.INVALID, String.join("; ", problems)));
        }
        return store(proposed, reason, actor).invoke(relay::kick).flatMap(stored -> tracker.await(
                        IdentityRecords.TRUST_RULES_KEY, stored.version(), config.publishWait())
                .<Outcome<TrustRules>>map(published -> new Applied<>(stored, false, true, published)));
    }

    /** Stores the shipped defaults as version 1 when no rules are stored yet; true when it did. */
    public Uni<Boolean> storeDefaultsIfNone(Actor actor) {
        return pool.withTransaction(
                connection -> repository.lockNextVersion(connection).flatMap(next -> {
                    if (next > 1) {
                        return Uni.createFrom().item(false);
                    }
                    TrustRules defaults = TrustRules.defaults();
                    return repository
                            .insert(connection, defaults, actor.name(), "defaults at first start")
                            .flatMap(stored -> outbox.add(
                                    connection,
                                    audit.changed(ACTIVITY, actor, "defaults at first start", Map.of("version", 1L))))
                            .replaceWith(true);
                }));
    }

    private Uni<TrustRules> store(TrustRules proposed, String reason, Actor actor) {
        return pool.withTransaction(
                connection -> repository.lockNextVersion(connection).flatMap(next -> {
                    TrustRules versioned = withVersion(proposed, next);
                    return repository
                            .insert(connection, versioned, actor.name(), reason)
                            .flatMap(stored -> outbox.add(
                                            connection, audit.changed(ACTIVITY, actor, reason, Map.of("version", next)))
                                    .replaceWith(stored));
                }));
    }

    static TrustRules withVersion(TrustRules rules, long version) {
        return new TrustRules(
                version,
                rules.human(),
                rules.clientAuthentication(),
                rules.unknownClientAuthentication(),
                rules.binding());
    }
}
