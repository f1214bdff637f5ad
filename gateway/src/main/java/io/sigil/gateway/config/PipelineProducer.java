package io.sigil.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.sigil.gateway.audit.KeyedDigest;
import io.sigil.gateway.audit.UnawaitedAudit;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.federation.Member;
import io.sigil.gateway.federation.UpstreamFactory;
import io.sigil.gateway.identity.AgentDirectory;
import io.sigil.gateway.metrics.MeteredStageTimer;
import io.sigil.gateway.pinning.InjectionScanner;
import io.sigil.gateway.pinning.PgPinStore;
import io.sigil.gateway.pinning.PinEvents;
import io.sigil.gateway.pinning.PinningPolicy;
import io.sigil.gateway.pinning.ToolPins;
import io.sigil.gateway.pipeline.Pipeline;
import io.sigil.gateway.pipeline.PipelineFactory;
import io.sigil.gateway.pipeline.Stage;
import io.sigil.gateway.pipeline.StageFactory;
import io.sigil.gateway.risk.RiskClassifier;
import io.sigil.gateway.scan.ActiveScanner;
import io.sigil.gateway.stages.AdmissionAuditStage;
import io.sigil.gateway.stages.AuditStage;
import io.sigil.gateway.stages.ForwardStage;
import io.sigil.gateway.stages.IdentityStage;
import io.sigil.gateway.stages.LifecycleStage;
import io.sigil.gateway.stages.PinningStage;
import io.sigil.gateway.stages.RequestScanStage;
import io.sigil.gateway.stages.ResponseScanStage;
import io.sigil.gateway.stages.SchemaStage;
import io.sigil.gateway.stages.ValidationStage;
import io.sigil.gateway.vault.Vault;
import io.sigil.runtime.audit.AuditPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Builds the gateway's chain once, at start-up, from configuration; a bad configuration stops start-up. */
@ApplicationScoped
public class PipelineProducer {

    private static final Logger LOG = Logger.getLogger(PipelineProducer.class);

    @Produces
    @Startup
    @ApplicationScoped
    Pipeline pipeline(
            GatewayConfig config,
            AuditPublisher audit,
            ObjectMapper mapper,
            AgentDirectory directory,
            ToolPins pins,
            ActiveScanner scanner,
            Federation federation,
            UnawaitedAudit unawaited,
            Vault vault,
            MeterRegistry registry) {
        PolicyVersion policy = PolicyVersion.of(config);
        KeyedDigest digests = KeyedDigest.of(config.auditDigestKey());
        PipelineFactory factory = new PipelineFactory(List.of(
                factory(IdentityStage.NAME, () -> new IdentityStage(directory, config.toolTrust(), Clock.systemUTC())),
                factory(ValidationStage.NAME, ValidationStage::new),
                factory(LifecycleStage.NAME, LifecycleStage::new),
                factory(PinningStage.NAME, () -> new PinningStage(pins, federation)),
                factory(SchemaStage.NAME, () -> new SchemaStage(federation)),
                factory(RequestScanStage.NAME, () -> new RequestScanStage(scanner, vault)),
                factory(ResponseScanStage.NAME, () -> new ResponseScanStage(scanner, vault)),
                factory(ForwardStage.NAME, () -> new ForwardStage(federation)),
                factory(
                        AdmissionAuditStage.NAME,
                        () -> new AdmissionAuditStage(
                                audit,
                                Clock.systemUTC(),
                                new RiskClassifier(config.riskClasses()),
                                config.auditWriteAheadFor(),
                                config.auditAwaitedFor(),
                                policy,
                                digests)),
                factory(
                        AuditStage.NAME,
                        () -> new AuditStage(
                                audit,
                                Clock.systemUTC(),
                                new RiskClassifier(config.riskClasses()),
                                config.auditAwaitedFor(),
                                policy,
                                digests,
                                unawaited))));
        Pipeline pipeline = factory.build(config.stages(), new MeteredStageTimer(registry));
        LOG.infof(
                "gateway chain: %s; rules version %s; upstreams %s",
                pipeline.stageNames(),
                policy.value(),
                federation.members().stream().map(Member::name).toList());
        return pipeline;
    }

    @Produces
    @ApplicationScoped
    ToolPins toolPins(GatewayConfig config, PgPinStore store, UnawaitedAudit audit) {
        PinningPolicy policy =
                new PinningPolicy(config.pinning().onChange(), config.pinning().onInjection());
        return new ToolPins(
                store, policy, new InjectionScanner(), new PinEvents(audit, Clock.systemUTC()), Clock.systemUTC());
    }

    /** The upstreams, built once; their sessions end and their child processes are stopped on shut-down. */
    @Produces
    @ApplicationScoped
    Federation federation(GatewayConfig config, ObjectMapper mapper) {
        return UpstreamFactory.federation(config, mapper);
    }

    void closeFederation(@Disposes Federation federation) {
        federation.close();
    }

    private static StageFactory factory(String name, Supplier<Stage> create) {
        return new StageFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Stage create() {
                return create.get();
            }
        };
    }
}
