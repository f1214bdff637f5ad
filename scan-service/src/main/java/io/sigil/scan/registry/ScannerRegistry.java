package io.sigil.scan.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.sigil.runtime.registry.Registration;
import io.sigil.scan.messaging.ScannerPublisher;
import io.sigil.scan.persistence.ScannerPack;
import io.sigil.scan.persistence.ScannerPackRepository;
import io.sigil.scan.persistence.ScannerPackStatus;
import io.sigil.scan.signing.PackSigner;
import io.sigil.scan.signing.SignedPack;
import io.sigil.scan.verification.Corpora;
import io.sigil.scan.verification.PackVerifier;
import io.sigil.scan.verification.Verification;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Accepts scanner packs: each submitted version is verified at once ({@link PackVerifier}) and stored as verified
 * or rejected, with every reason and its metrics. A stored version is never replaced, so a rejected new version
 * leaves the last verified one in force. (Signing verified packs and announcing them on the scanners topic is
 * still to come.)
 */
@ApplicationScoped
public class ScannerRegistry {

    private static final Logger LOG = Logger.getLogger(ScannerRegistry.class);

    private final ScannerPackRepository repository;
    private final PackVerifier verifier;
    private final ObjectMapper mapper;
    private final PackSigner signer;
    private final ScannerPublisher publisher;

    public ScannerRegistry(
            ScannerPackRepository repository, ObjectMapper mapper, PackSigner signer, ScannerPublisher publisher) {
        this.repository = repository;
        this.mapper = mapper;
        this.signer = signer;
        this.publisher = publisher;
        this.verifier = new PackVerifier(Corpora.sharedNegatives(), Corpora.standard());
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
        // Verification compiles, runs examples and measures: CPU work, kept off the event loop.
        return Uni.createFrom()
                .item(() -> verifier.verify(request.definition()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(verification -> store(request, verification));
    }

    private Uni<Registration<ScannerPack>> store(NewScannerPack request, Verification verification) {
        ScannerPack pack = new ScannerPack(
                request.id(),
                request.version(),
                verification.verified() ? ScannerPackStatus.VERIFIED : ScannerPackStatus.REJECTED,
                request.definition(),
                mapper.valueToTree(verification),
                false,
                null);
        return repository
                .insert(pack)
                .flatMap(stored -> stored.isEmpty()
                        ? Uni.createFrom()
                                .item(Registration.<ScannerPack>conflict("scanner pack " + pack.id() + " version "
                                        + pack.version() + " is already stored"))
                        : announce(stored.get()).map(Registration::registered));
    }

    /**
     * Signs a verified version and announces it; the stored row says whether the broker acknowledged. A failed
     * announcement leaves the pack verified and unpublished, to be announced at the next start.
     */
    public Uni<ScannerPack> announce(ScannerPack pack) {
        if (pack.status() != ScannerPackStatus.VERIFIED) {
            return Uni.createFrom().item(pack);
        }
        SignedPack signed = signer.sign(
                pack.id(),
                pack.version(),
                pack.definition(),
                pack.verification().path("metrics"));
        return publisher
                .publish(signed)
                .flatMap(acked -> repository.markPublished(pack.id(), pack.version()))
                .map(marked -> pack.asPublished())
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "scanner pack %s %s is verified but not announced yet (%s)",
                            pack.id(), pack.version(), failure.getClass().getSimpleName());
                    return pack;
                });
    }

    /** At start, announces every verified version whose announcement was never acknowledged. */
    void announcePending(@Observes StartupEvent started) {
        repository
                .unpublished()
                .onItem()
                .transformToMulti(packs -> Multi.createFrom().iterable(packs))
                .onItem()
                .transformToUniAndConcatenate(this::announce)
                .collect()
                .asList()
                .subscribe()
                .with(
                        done -> {},
                        failure -> LOG.warnf(
                                "scanner packs awaiting announcement could not be read (%s)",
                                failure.getClass().getSimpleName()));
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
