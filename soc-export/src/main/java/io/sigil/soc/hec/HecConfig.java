package io.sigil.soc.hec;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How to reach a Splunk HTTP Event Collector; {@code baseUrl} is the collector root, e.g. https://splunk:8088.
 * With {@code acks}, delivery waits for HEC indexer acknowledgement. {@code maxEventsPerRequest} splits what is
 * delivered at once into requests (batches) of at most that many events.
 */
public record HecConfig(
        URI baseUrl,
        HecToken token,
        String host,
        Duration connectTimeout,
        Duration requestTimeout,
        Optional<SSLContext> tls,
        Optional<HecAcks> acks,
        int maxEventsPerRequest) {

    public static final String EVENT_PATH = "/services/collector/event";
    public static final String ACK_PATH = "/services/collector/ack";
    public static final String CHANNEL_HEADER = "X-Splunk-Request-Channel";
    public static final String SOURCE = "sigil-audit";
    public static final String SOURCETYPE = "sigil:ocsf";

    public HecConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(acks, "acks");
        if (maxEventsPerRequest < 1) {
            throw new IllegalArgumentException("a request carries at least one event, not " + maxEventsPerRequest);
        }
    }

    public static HecConfig of(URI baseUrl, HecToken token, String host) {
        return new HecConfig(
                baseUrl,
                token,
                host,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Optional.empty(),
                Optional.empty(),
                Integer.MAX_VALUE);
    }

    public HecConfig withTimeouts(Duration connect, Duration request) {
        return new HecConfig(baseUrl, token, host, connect, request, tls, acks, maxEventsPerRequest);
    }

    public HecConfig withTls(SSLContext context) {
        return new HecConfig(
                baseUrl, token, host, connectTimeout, requestTimeout, Optional.of(context), acks, maxEventsPerRequest);
    }

    public HecConfig withAcks(HecAcks indexerAcks) {
        return new HecConfig(
                baseUrl,
                token,
                host,
                connectTimeout,
                requestTimeout,
                tls,
                Optional.of(indexerAcks),
                maxEventsPerRequest);
    }

    /** Requests of at most {@code events} events each (one request per delivery by default). */
    public HecConfig withMaxEventsPerRequest(int events) {
        return new HecConfig(baseUrl, token, host, connectTimeout, requestTimeout, tls, acks, events);
    }

    public URI eventEndpoint() {
        return endpoint(EVENT_PATH);
    }

    public URI ackEndpoint() {
        return endpoint(ACK_PATH);
    }

    private URI endpoint(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
