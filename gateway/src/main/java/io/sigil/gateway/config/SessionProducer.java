package io.sigil.gateway.config;

import io.quarkus.runtime.Startup;
import io.sigil.gateway.federation.Federation;
import io.sigil.gateway.session.Coalescer;
import io.sigil.gateway.session.SessionRegistry;
import io.sigil.gateway.session.SessionStreams;
import io.sigil.gateway.session.UpstreamNotices;
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

    /** The streams, listening to the upstreams' notifications from start-up on. */
    @Produces
    @Startup
    @ApplicationScoped
    SessionStreams streams(Vertx vertx, SessionRegistry sessions, GatewayConfig config, Federation federation) {
        SessionStreams streams =
                new SessionStreams(vertx, sessions, config.sessions().keepAlive());
        Coalescer coalescer = new Coalescer(
                config.sessions().noticeInterval(),
                System::nanoTime,
                (delay, task) -> vertx.setTimer(delay, id -> task.run()));
        new UpstreamNotices(streams::broadcast, coalescer).listenTo(federation);
        return streams;
    }
}
