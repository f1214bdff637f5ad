package io.sigil.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.scan.DetectorPack;
import io.sigil.core.scan.DetectorPacks;
import io.sigil.core.scan.Finding;
import io.sigil.core.scan.ScanEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RegistryPacksTest {

    private static final List<DetectorPack> BUILT_IN = DetectorPacks.builtInPacks();
    private static final String IBAN = "FR1420041010050500013M02606";

    private final ActiveScanner active = new ActiveScanner(RegistryPacks.initialEngine(BUILT_IN));
    private final RegistryPacks packs = new RegistryPacks(active, BUILT_IN);

    @Test
    void anAcceptedPackIsSwappedInWhileACallInFlightKeepsItsEngine() {
        // Given a call that started on the built-in engine
        String token = SignedPacks.token();
        ScanEngine inFlight = active.engine();
        assertThat(inFlight.findings("key " + token)).isEmpty();

        // When a verified ZQX pack is accepted
        PackOutcome outcome = packs.accept(verified("test-zqx", SignedPacks.zqxDefinition("test-zqx", "zqx-token")));

        // Then new calls find ZQX tokens and the built-ins still, while the call in flight finishes on its engine
        assertThat(outcome).isEqualTo(new PackOutcome.Loaded("test-zqx", "1.0.0", "kid", 1, false));
        assertThat(active.engine()).isNotSameAs(inFlight);
        assertThat(categories(active.engine().findings("key " + token))).containsExactly("ZQX Test Token");
        assertThat(active.engine().findings("to " + IBAN)).isNotEmpty();
        assertThat(inFlight.findings("key " + token)).isEmpty();
        assertThat(packs.versions()).containsEntry("test-zqx", "1.0.0");
    }

    @Test
    void aPackThatDoesNotLoadLeavesTheEngineAsItWas() {
        // Given an accepted ZQX pack
        packs.accept(verified("test-zqx", SignedPacks.zqxDefinition("test-zqx", "zqx-token")));
        ScanEngine before = active.engine();

        // When a new version of it arrives whose pattern RE2J cannot compile
        ObjectNode broken = SignedPacks.zqxDefinition("test-zqx", "zqx-token");
        ((ObjectNode) broken.get("detectors").get(0)).put("pattern", "(ZQX-[0-9a-f]{24}");
        PackOutcome outcome = packs.accept(new VerifiedPack("test-zqx", "2.0.0", broken, "kid"));

        // Then it is refused with the reason, and the previous version stays active
        assertThat(outcome).isInstanceOf(PackOutcome.Refused.class);
        assertThat(((PackOutcome.Refused) outcome).reason())
                .contains("does not load")
                .contains("zqx-token")
                .doesNotContain("ZQX-[");
        assertThat(active.engine()).isSameAs(before);
        assertThat(packs.versions()).containsEntry("test-zqx", "1.0.0");
    }

    @Test
    void aDetectorIdOfAnotherActivePackIsRefused() {
        // Given an accepted pack with detector zqx-token
        packs.accept(verified("test-zqx", SignedPacks.zqxDefinition("test-zqx", "zqx-token")));
        ScanEngine before = active.engine();

        // When another pack reuses that detector id, or a built-in one
        PackOutcome reused = packs.accept(verified("test-zqx-2", SignedPacks.zqxDefinition("test-zqx-2", "zqx-token")));
        PackOutcome builtIn = packs.accept(verified("test-zqx-3", SignedPacks.zqxDefinition("test-zqx-3", "iban")));

        // Then both are refused and nothing changed
        assertThat(reused).isInstanceOf(PackOutcome.Refused.class);
        assertThat(builtIn).isInstanceOf(PackOutcome.Refused.class);
        assertThat(active.engine()).isSameAs(before);
    }

    @Test
    void aRegistryPackWithABuiltInNameReplacesItUntilWithdrawn() {
        // Given the built-in financial pack finds IBANs
        String financial = "sigil-scanner-financial";
        assertThat(active.engine().findings("to " + IBAN)).isNotEmpty();

        // When a registry pack of the same name, without an IBAN detector, is accepted
        PackOutcome outcome = packs.accept(verified(financial, SignedPacks.zqxDefinition(financial, "zqx-token")));

        // Then it took the built-in pack's place
        assertThat(((PackOutcome.Loaded) outcome).replacedBuiltIn()).isTrue();
        assertThat(active.engine().findings("to " + IBAN)).isEmpty();
        assertThat(active.engine().findings("key " + SignedPacks.token())).isNotEmpty();

        // And its tombstone brings the built-in pack back
        assertThat(packs.withdraw(financial)).isEqualTo(new PackOutcome.Withdrawn(financial));
        assertThat(active.engine().findings("to " + IBAN)).isNotEmpty();
        assertThat(active.engine().findings("key " + SignedPacks.token())).isEmpty();
    }

    @Test
    void aTombstoneForAnUnknownPackChangesNothing() {
        ScanEngine before = active.engine();

        assertThat(packs.withdraw("never-seen")).isEqualTo(new PackOutcome.Unchanged("never-seen"));
        assertThat(active.engine()).isSameAs(before);
    }

    @Test
    void withoutBuiltInsOnlyRegistryPacksScan() {
        // Given built-in packs turned off
        ActiveScanner bare = new ActiveScanner(RegistryPacks.initialEngine(List.of()));
        RegistryPacks registryOnly = new RegistryPacks(bare, List.of());
        assertThat(bare.engine().findings("to " + IBAN)).isEmpty();

        // When a ZQX pack is accepted
        registryOnly.accept(verified("test-zqx", SignedPacks.zqxDefinition("test-zqx", "zqx-token")));

        // Then it finds ZQX tokens and nothing else
        assertThat(bare.engine().findings("key " + SignedPacks.token())).isNotEmpty();
        assertThat(bare.engine().findings("to " + IBAN)).isEmpty();
    }

    @Test
    void callsGoOnWhilePacksAreSwappedAndEachSeesOneWholeEngine() throws Exception {
        // Given calls that scan a text holding an IBAN and a ZQX token, each on the engine it reads at its start
        String text = "to " + IBAN + " key " + SignedPacks.token();
        AtomicBoolean swapping = new AtomicBoolean(true);
        Set<List<String>> seen = ConcurrentHashMap.newKeySet();
        ExecutorService calls = Executors.newFixedThreadPool(4);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(calls.submit(() -> {
                int scanned = 0;
                while (swapping.get() || scanned == 0) {
                    seen.add(categories(active.engine().findings(text)).stream()
                            .sorted()
                            .toList());
                    scanned++;
                }
                return scanned;
            }));
        }

        // When the ZQX pack is loaded and withdrawn again and again meanwhile
        JsonNode definition = SignedPacks.zqxDefinition("test-zqx", "zqx-token");
        for (int i = 0; i < 20; i++) {
            assertThat(packs.accept(verified("test-zqx", definition))).isInstanceOf(PackOutcome.Loaded.class);
            assertThat(packs.withdraw("test-zqx")).isInstanceOf(PackOutcome.Withdrawn.class);
        }
        swapping.set(false);
        int total = 0;
        for (Future<Integer> call : done) {
            total += call.get(30, TimeUnit.SECONDS);
        }
        calls.shutdown();

        // Then no call failed, and each found what one whole engine finds: the IBAN, with or without the token
        assertThat(total).isPositive();
        assertThat(seen).isNotEmpty().isSubsetOf(Set.of(List.of("IBAN"), List.of("IBAN", "ZQX Test Token")));
    }

    private static VerifiedPack verified(String id, JsonNode definition) {
        return new VerifiedPack(id, "1.0.0", definition, "kid");
    }

    private static List<String> categories(List<Finding> findings) {
        return findings.stream().map(Finding::category).toList();
    }
}
