package io.sigil.gateway.config;

import io.sigil.gateway.session.SessionRegistry;
import io.sigil.gateway.session.SessionStreams;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The gateway's MCP sessions and their GET streams, from configuration. */
@ApplicationScoped
public class SessionProducer {

    @Produces
    @ApplicationScoped
    SessionRegistry sessions(GatewayConfig config) {
        GatewayConfig.Sessions sessions = config.sessions();
        return new SessionRegistry(Clock.systemUTC(), sessions.idleTimeout(), sessions.max(), sessions.maxPerClient());
    }

    @Produces
    @ApplicationScoped
    SessionStreams streams(Vertx vertx, SessionRegistry sessions, GatewayConfig config) {
        return new SessionStreams(vertx, sessions, config.sessions().keepAlive());
    }
}
