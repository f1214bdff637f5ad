package io.sigil.gateway.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.sigil.core.scan.DetectorPack;
import io.sigil.core.scan.DetectorPacks;
import io.sigil.gateway.audit.UnawaitedAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Produces the gateway's scanner: the built-in detector packs (unless turned off), to which the signed packs of the
 * registry are added as {@link ScannerReplica} receives them; and the keys those packs must be signed with.
 */
@ApplicationScoped
public class ScannerProducer {

    private static final Logger LOG = Logger.getLogger(ScannerProducer.class);

    @Produces
    @ApplicationScoped
    ActiveScanner activeScanner(ScannersConfig config) {
        return new ActiveScanner(RegistryPacks.initialEngine(builtIn(config)));
    }

    /** The trusted keys; none configured outside development and test mode stops the start. */
    @Produces
    @Singleton
    TrustedKeys trustedKeys(ScannersConfig config) {
        TrustedKeys.Loaded loaded = TrustedKeys.load(
                config.trustedKeys(), allowDevelopmentKey(config.allowDevelopmentKey(), LaunchMode.current()));
        if (loaded instanceof TrustedKeys.Loaded.Refused refused) {
            throw new IllegalStateException(refused.reason());
        }
        TrustedKeys keys = ((TrustedKeys.Loaded.Trusted) loaded).keys();
        if (keys.development()) {
            LOG.warn("scanner packs signed with the published development key are trusted: such signatures prove"
                    + " nothing; set sigil.gateway.scanners.trusted-keys for real use");
        }
        return keys;
    }

    /** Whether the development key may be trusted: as configured, else only in development and test mode. */
    static boolean allowDevelopmentKey(Optional<Boolean> configured, LaunchMode mode) {
        return configured.orElse(mode.isDevOrTest());
    }

    @Produces
    @Singleton
    PackIntake packIntake(
            ScannersConfig config, ActiveScanner active, TrustedKeys keys, ObjectMapper mapper, UnawaitedAudit audit) {
        return new PackIntake(
                new PackSignatureVerifier(keys, mapper),
                new RegistryPacks(active, builtIn(config)),
                new PackEvents(audit, Clock.systemUTC()));
    }

    private static List<DetectorPack> builtIn(ScannersConfig config) {
        return config.builtIn() ? DetectorPacks.builtInPacks() : List.of();
    }
}
