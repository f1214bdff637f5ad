package io.sigil.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.scan.DetectorPacks;
import io.sigil.core.scan.ScanEngine;
import io.sigil.core.spi.AuditLogger;
import io.sigil.gateway.audit.UnawaitedAudit;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PackIntakeTest {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private final AuditLogger audit = event -> {
        events.add(event);
        return CompletableFuture.completedFuture(null);
    };
    private final ActiveScanner active = new ActiveScanner(RegistryPacks.initialEngine(DetectorPacks.builtInPacks()));
    private final PackIntake intake = new PackIntake(
            new PackSignatureVerifier(
                    ((TrustedKeys.Loaded.Trusted) TrustedKeys.load(Optional.empty(), true)).keys(), SignedPacks.JSON),
            new RegistryPacks(active, DetectorPacks.builtInPacks()),
            new PackEvents(new UnawaitedAudit(audit, new SimpleMeterRegistry()), Clock.systemUTC()));

    @Test
    void aSignedPackIsLoadedAndAuditedAndItsTombstoneWithdrawsIt() {
        String token = SignedPacks.token();
        String record = SignedPacks.development()
                .record("test-zqx", "1.0.0", SignedPacks.zqxDefinition("test-zqx", "zqx-token"));

        // When the pack arrives
        PackOutcome loaded = intake.apply("test-zqx", record, "sigil.scanners-0@7");

        // Then it scans, and the audit event names it and its key, not its content
        assertThat(loaded).isInstanceOf(PackOutcome.Loaded.class);
        assertThat(active.engine().findings("key " + token)).isNotEmpty();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.activity()).isEqualTo(PackEvents.LOADED);
            assertThat(event.attributes())
                    .containsEntry("pack", "test-zqx")
                    .containsEntry("key_id", SignedPacks.development().keyId())
                    .containsEntry("record", "sigil.scanners-0@7");
            assertThat(event.attributes().toString()).doesNotContain("ZQX-[");
        });

        // And a tombstone withdraws it
        assertThat(intake.apply("test-zqx", null, "sigil.scanners-0@8")).isInstanceOf(PackOutcome.Withdrawn.class);
        assertThat(active.engine().findings("key " + token)).isEmpty();
        assertThat(events).extracting(AuditEvent::activity).containsExactly(PackEvents.LOADED, PackEvents.WITHDRAWN);
    }

    @Test
    void aPackSignedByAnotherKeyIsRejectedAuditedAndNeverParsed() {
        ScanEngine before = active.engine();
        // A definition that would not even load: the signature is refused first
        String record = SignedPacks.random()
                .record("test-zqx", "1.0.0", SignedPacks.JSON.createObjectNode().put("pack", "x"));

        PackOutcome outcome = intake.apply("test-zqx", record, "sigil.scanners-0@9");

        assertThat(outcome).isInstanceOf(PackOutcome.Refused.class);
        assertThat(((PackOutcome.Refused) outcome).reason())
                .contains("not trusted")
                .doesNotContain("detectors");
        assertThat(active.engine()).isSameAs(before);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.activity()).isEqualTo(PackEvents.REJECTED);
            assertThat(event.outcome()).isEqualTo("denied");
            assertThat(event.attributes()).containsEntry("pack", "test-zqx").containsKey("reason");
        });
    }
}
