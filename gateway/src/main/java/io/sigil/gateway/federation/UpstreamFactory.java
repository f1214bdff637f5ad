package io.sigil.gateway.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.gateway.catalog.ToolCatalog;
import io.sigil.gateway.config.GatewayConfig;
import io.sigil.gateway.upstream.StdioLaunch;
import io.sigil.gateway.upstream.StdioUpstream;
import io.sigil.gateway.upstream.Upstream;
import io.sigil.gateway.upstream.UpstreamClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the federation from configuration; a configuration that names no usable upstream stops start-up. */
public final class UpstreamFactory {

    /** A child that ran this long before it stopped was healthy: its restart starts a fresh back-off. */
    private static final Duration HEALTHY = Duration.ofSeconds(60);

    private UpstreamFactory() {}

    public static Federation federation(GatewayConfig config, ObjectMapper mapper) {
        Map<String, GatewayConfig.Upstream> configured = new TreeMap<>(config.upstreams());
        boolean prefix = config.federation().prefixNames().orElse(configured.size() > 1);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Upstream> entry : configured.entrySet()) {
            Upstream upstream = upstream(entry.getKey(), entry.getValue(), http, mapper);
            ToolCatalog catalog = new ToolCatalog(upstream::call, config.toolCatalogMaxAge(), Clock.systemUTC());
            members.add(new Member(
                    upstream,
                    catalog,
                    prefix ? entry.getKey() + config.federation().separator() : ""));
        }
        try {
            return new Federation(members);
        } catch (IllegalArgumentException invalid) {
            members.forEach(member -> member.upstream().close());
            throw invalid;
        }
    }

    private static Upstream upstream(String name, GatewayConfig.Upstream config, HttpClient http, ObjectMapper mapper) {
        if (config.url().isPresent() == config.command().isPresent()) {
            throw new IllegalArgumentException(
                    "sigil.gateway.upstreams." + name + " needs exactly one of url and command");
        }
        if (config.url().isPresent()) {
            return new UpstreamClient(
                    name, config.url().get(), config.timeout(), config.maxResponseBytes(), http, mapper);
        }
        StdioLaunch launch = new StdioLaunch(
                config.command().get(),
                StdioLaunch.environment(config.inheritEnv(), config.env(), System.getenv()),
                config.directory(),
                config.stderr());
        StdioUpstream.Backoff backoff = new StdioUpstream.Backoff(
                config.restartBackoff(), config.restartBackoffMax(), HEALTHY, System::nanoTime);
        return new StdioUpstream(name, launch, config.timeout(), config.maxResponseBytes(), backoff, mapper);
    }
}
