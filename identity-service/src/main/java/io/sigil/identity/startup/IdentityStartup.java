package io.sigil.identity.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.sigil.identity.audit.Actor;
import io.sigil.identity.config.IdentityConfig;
import io.sigil.identity.messaging.PublicationRelay;
import io.sigil.identity.registry.AgentRegistry;
import io.sigil.identity.registry.NewAgent;
import io.sigil.identity.rules.TrustRulesService;
import io.sigil.runtime.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * At start-up: stores the default trust rules when none are stored, registers the demo agents when asked to (only
 * those absent, so an existing agent's status is never touched), then starts the publication relay, which
 * publishes whatever an earlier run stored but could not publish.
 */
@ApplicationScoped
public class IdentityStartup {

    private static final Logger LOG = Logger.getLogger(IdentityStartup.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TrustRulesService rules;
    private final AgentRegistry registry;
    private final PublicationRelay relay;
    private final IdentityConfig config;
    private final ObjectMapper mapper;
    private final Actor self;

    public IdentityStartup(
            TrustRulesService rules,
            AgentRegistry registry,
            PublicationRelay relay,
            IdentityConfig config,
            ObjectMapper mapper,
            ServiceConfig service) {
        this.rules = rules;
        this.registry = registry;
        this.relay = relay;
        this.config = config;
        this.mapper = mapper;
        this.self = Actor.service(service.name());
    }

    void onStart(@Observes StartupEvent event) {
        if (rules.storeDefaultsIfNone(self).await().atMost(PATIENCE)) {
            LOG.info("stored the default trust rules as version 1");
        }
        if (config.seedDemoAgents()) {
            int added = 0;
            for (NewAgent agent : DemoAgents.load(mapper)) {
                if (registry.registerIfAbsent(agent, self, "demo seed").await().atMost(PATIENCE)) {
                    added++;
                }
            }
            LOG.infof("demo agents: %d registered, the others were already present", added);
        }
        relay.start();
    }
}
