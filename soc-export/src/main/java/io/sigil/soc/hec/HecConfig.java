package io.sigil.soc.hec;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** How to reach a Splunk HTTP Event Collector; {@code baseUrl} is the collector root, e.g. https://splunk:8088. */
public record HecConfig(
        URI baseUrl,
        HecToken token,
        String host,
        Duration connectTimeout,
        Duration requestTimeout,
        Optional<SSLContext> tls) {

    public static final String EVENT_PATH = "/services/collector/event";
    public static final String SOURCE = "sigil-audit";
    public static final String SOURCETYPE = "sigil:ocsf";

    public HecConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(tls, "tls");
    }

    public static HecConfig of(URI baseUrl, HecToken token, String host) {
        return new HecConfig(baseUrl, token, host, Duration.ofSeconds(5), Duration.ofSeconds(30), Optional.empty());
    }

    public HecConfig withTimeouts(Duration connect, Duration request) {
        return new HecConfig(baseUrl, token, host, connect, request, tls);
    }

    public HecConfig withTls(SSLContext context) {
        return new HecConfig(baseUrl, token, host, connectTimeout, requestTimeout, Optional.of(context));
    }

    public URI eventEndpoint() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + EVENT_PATH);
    }
}
