package io.sigil.identity.registry;

import io.sigil.core.model.TrustLevel;
import io.sigil.identity.messaging.IdentityPublisher;
import io.sigil.identity.persistence.Agent;
import io.sigil.identity.persistence.AgentRepository;
import io.sigil.identity.persistence.AgentStatus;
import io.sigil.runtime.registry.Registration;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Registers agents: validates the request, stores the agent, and only then publishes it on the identities
 * topic, so that the topic never announces an agent the registry does not hold.
 */
@ApplicationScoped
public class AgentRegistry {

    /** {@code did:sigil:} followed by a DID method-specific id: colon-separated runs of id characters. */
    private static final Pattern DID = Pattern.compile("did:sigil:[A-Za-z0-9._%-]+(:[A-Za-z0-9._%-]+)*");

    private static final String TRUST_LEVELS =
            Arrays.stream(TrustLevel.values()).map(TrustLevel::wireName).collect(Collectors.joining(", "));

    private final AgentRepository repository;
    private final IdentityPublisher publisher;

    public AgentRegistry(AgentRepository repository, IdentityPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    public Uni<List<Agent>> list() {
        return repository.list();
    }

    public Uni<Optional<Agent>> find(String did) {
        return repository.find(did);
    }

    /** Registers a new, active agent; a refusal is a result, never a failure of the {@link Uni}. */
    public Uni<Registration<Agent>> register(NewAgent request) {
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Registration.<Agent>invalid(String.join("; ", problems)));
        }
        Agent agent = new Agent(
                request.did(),
                request.clientId(),
                request.owner(),
                request.allowedUpstreams(),
                TrustLevel.fromWire(request.maxTrustLevel()),
                AgentStatus.ACTIVE,
                null,
                null);
        return repository
                .insert(agent)
                .flatMap(stored -> stored.isEmpty()
                        ? Uni.createFrom()
                                .item(Registration.<Agent>conflict("an agent with did " + agent.did() + " or client_id "
                                        + agent.clientId() + " is already registered"))
                        : publisher.publish(stored.get()).replaceWith(Registration.registered(stored.get())));
    }

    private static List<String> problems(NewAgent request) {
        List<String> problems = new ArrayList<>();
        if (request == null) {
            problems.add("the request body must be an agent");
            return problems;
        }
        if (request.did() == null || !DID.matcher(request.did()).matches()) {
            problems.add("did must be of the form did:sigil:<id>");
        }
        if (isBlank(request.clientId())) {
            problems.add("client_id must not be blank");
        }
        if (isBlank(request.owner())) {
            problems.add("owner must not be blank");
        }
        if (request.allowedUpstreams() != null
                && request.allowedUpstreams().stream().anyMatch(AgentRegistry::isBlank)) {
            problems.add("allowed_upstreams must not contain blank entries");
        }
        if (!isTrustLevel(request.maxTrustLevel())) {
            problems.add("max_trust_level must be one of " + TRUST_LEVELS);
        }
        return problems;
    }

    private static boolean isTrustLevel(String value) {
        return value != null
                && Arrays.stream(TrustLevel.values())
                        .anyMatch(level -> level.name().equals(value.trim().toUpperCase(Locale.ROOT)));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
