package io.sigil.scan.registry;

import io.sigil.runtime.registry.Registration;
import io.sigil.scan.persistence.ScannerPack;
import io.sigil.scan.persistence.ScannerPackRepository;
import io.sigil.scan.persistence.ScannerPackStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts scanner packs as submitted and stores them. A submitted pack is not announced: the scanners topic
 * carries only verified, signed packs, which the verification pipeline of the scanning issue publishes. A
 * stored version is never replaced.
 */
@ApplicationScoped
public class ScannerRegistry {

    private final ScannerPackRepository repository;

    public ScannerRegistry(ScannerPackRepository repository) {
        this.repository = repository;
    }

    public Uni<List<ScannerPack>> list() {
        return repository.list();
    }

    /** Stores a new pack version as submitted; a refusal is a result, never a failure of the {@link Uni}. */
    public Uni<Registration<ScannerPack>> submit(NewScannerPack request) {
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Registration.<ScannerPack>invalid(String.join("; ", problems)));
        }
        ScannerPack pack = new ScannerPack(
                request.id(), request.version(), ScannerPackStatus.SUBMITTED, request.definition(), null);
        return repository
                .insert(pack)
                .flatMap(stored -> stored.isEmpty()
                        ? Uni.createFrom()
                                .item(Registration.<ScannerPack>conflict("scanner pack " + pack.id() + " version "
                                        + pack.version() + " is already stored"))
                        : Uni.createFrom().item(Registration.registered(stored.get())));
    }

    private static List<String> problems(NewScannerPack request) {
        List<String> problems = new ArrayList<>();
        if (request == null) {
            problems.add("the request body must be a scanner pack");
            return problems;
        }
        if (request.id() == null || request.id().isBlank()) {
            problems.add("id must not be blank");
        }
        if (request.version() == null || request.version().isBlank()) {
            problems.add("version must not be blank");
        }
        if (request.definition() == null || !request.definition().isObject()) {
            problems.add("definition must be a JSON object");
        }
        return problems;
    }
}
