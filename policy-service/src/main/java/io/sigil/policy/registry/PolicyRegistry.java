package io.sigil.policy.registry;

import io.sigil.policy.messaging.PolicyPublisher;
import io.sigil.policy.persistence.PolicyBundle;
import io.sigil.policy.persistence.PolicyBundleRepository;
import io.sigil.runtime.registry.Registration;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores policy bundle versions and only then publishes them on the policies topic, so that the topic
 * never announces a bundle the service does not hold. A stored version is never replaced.
 */
@ApplicationScoped
public class PolicyRegistry {

    private final PolicyBundleRepository repository;
    private final PolicyPublisher publisher;

    public PolicyRegistry(PolicyBundleRepository repository, PolicyPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    public Uni<List<PolicyBundle>> list() {
        return repository.list();
    }

    /** Stores a new bundle version; a refusal is a result, never a failure of the {@link Uni}. */
    public Uni<Registration<PolicyBundle>> register(NewPolicyBundle request) {
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Registration.<PolicyBundle>invalid(String.join("; ", problems)));
        }
        PolicyBundle bundle = new PolicyBundle(request.id(), request.version(), request.content(), null);
        return repository
                .insert(bundle)
                .flatMap(stored -> stored.isEmpty()
                        ? Uni.createFrom()
                                .item(Registration.<PolicyBundle>conflict(
                                        "policy bundle " + bundle.id() + " already has version " + bundle.version()
                                                + " or a later one; versions only move forward"))
                        : publisher.publish(stored.get()).replaceWith(Registration.registered(stored.get())));
    }

    private static List<String> problems(NewPolicyBundle request) {
        List<String> problems = new ArrayList<>();
        if (request == null) {
            problems.add("the request body must be a policy bundle");
            return problems;
        }
        if (request.id() == null || request.id().isBlank()) {
            problems.add("id must not be blank");
        }
        if (request.version() == null || request.version() < 1) {
            problems.add("version must be a positive integer");
        }
        if (request.content() == null || !request.content().isObject()) {
            problems.add("content must be a JSON object");
        }
        return problems;
    }
}
