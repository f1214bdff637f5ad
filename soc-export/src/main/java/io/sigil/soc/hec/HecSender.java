package io.sigil.soc.hec;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.soc.DeliveryResult;
import io.sigil.soc.Exporter;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.event.Json;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts batches to a Splunk HTTP Event Collector's event endpoint; with indexer acknowledgement configured, on a
 * channel, and a batch is delivered only once its ackId is acknowledged. A delivery is split into requests of at most
 * {@link HecConfig#maxEventsPerRequest()} events; with acks, up to {@link HecAcks#maxInFlight()} of them await their
 * ack at once ({@link AckWindow}).
 */
public final class HecSender implements Exporter {

    private static final System.Logger LOG = System.getLogger(HecSender.class.getName());
    private static final int MAX_BODY_IN_REASON = 200;

    private final HecConfig config;
    private final HttpClient client;
    private final HecPayload payload;
    private final AckWindow window;

    public HecSender(HecConfig config) {
        this(config, defaultClient(config));
    }

    public HecSender(HecConfig config, HttpClient client) {
        this.config = config;
        this.client = client;
        this.payload = new HecPayload(config.host());
        this.window = config.acks()
                .map(a -> new AckWindow(a, new AckPoller(config, a, client), this::post))
                .orElse(null);
    }

    private static HttpClient defaultClient(HecConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.tls().ifPresent(builder::sslContext);
        return builder.build();
    }

    /**
     * Without acks, a request is delivered on HTTP 200 with {@code {"text":"Success","code":0}}: the collector
     * accepted it. With acks, that answer must also carry an {@code ackId}, and the request is delivered only when the
     * ack endpoint reports it indexed within the ack timeout (else retryable: it is sent again). 429, 5xx, other 200
     * bodies and I/O errors are retryable; any other status is permanent. A failure counts the leading requests that
     * were delivered before it as {@link DeliveryResult#events() confirmed}.
     */
    @Override
    public DeliveryResult deliver(List<SealedEvent> batch) {
        if (batch.isEmpty()) {
            return DeliveryResult.delivered(0);
        }
        List<List<SealedEvent>> requests = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += config.maxEventsPerRequest()) {
            requests.add(batch.subList(from, (int) Math.min(batch.size(), (long) from + config.maxEventsPerRequest())));
        }
        DeliveryResult result;
        try {
            result = window != null ? window.deliver(requests) : withoutAcks(requests);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = DeliveryResult.retryable("HEC request interrupted");
        }
        if (!result.isDelivered()) {
            LOG.log(
                    Level.WARNING,
                    "HEC batch of {0} events not delivered ({1} confirmed): {2}",
                    batch.size(),
                    result.events(),
                    result.reason());
        }
        return result;
    }

    private DeliveryResult withoutAcks(List<List<SealedEvent>> requests) throws InterruptedException {
        int confirmed = 0;
        for (List<SealedEvent> request : requests) {
            DeliveryResult result = post(request).result();
            if (!result.isDelivered()) {
                return result.after(confirmed);
            }
            confirmed += request.size();
        }
        return DeliveryResult.delivered(confirmed);
    }

    /** One request to the event endpoint; with acks, accepted means an ackId came back with the success. */
    private AckWindow.Posted post(List<SealedEvent> events) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.eventEndpoint())
                .timeout(config.requestTimeout())
                .header("Authorization", config.token().authorizationHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body(events)));
        config.acks().ifPresent(a -> request.header(HecConfig.CHANNEL_HEADER, a.channel()));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            DeliveryResult result = classify(response.statusCode(), response.body(), events.size());
            if (!result.isDelivered() || window == null) {
                return new AckWindow.Posted(result, -1);
            }
            JsonNode ackId = ackIdOf(response.body());
            if (ackId == null) {
                // Accepted but not trackable: the token has indexer acknowledgement off. Delivery cannot be confirmed.
                return new AckWindow.Posted(
                        DeliveryResult.permanent("HEC accepted the batch without an ackId: enable indexer"
                                + " acknowledgement for this token"),
                        -1);
            }
            return new AckWindow.Posted(result, ackId.longValue());
        } catch (IOException e) {
            return new AckWindow.Posted(
                    DeliveryResult.retryable(
                            redact("HEC request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage())),
                    -1);
        }
    }

    private static JsonNode ackIdOf(String body) {
        try {
            JsonNode answer = Json.MAPPER.readTree(body);
            JsonNode ackId = answer == null ? null : answer.get("ackId");
            return ackId != null && ackId.canConvertToLong() && ackId.isIntegralNumber() ? ackId : null;
        } catch (IOException e) {
            return null;
        }
    }

    private DeliveryResult classify(int status, String body, int events) {
        if (status == 200 && isSuccessAck(body)) {
            return DeliveryResult.delivered(events);
        }
        String reason = redact("HEC answered HTTP " + status + ": " + abbreviate(body));
        boolean retryable = status == 200 || status == 429 || status >= 500;
        return retryable ? DeliveryResult.retryable(reason) : DeliveryResult.permanent(reason);
    }

    private static boolean isSuccessAck(String body) {
        try {
            JsonNode ack = Json.MAPPER.readTree(body);
            return ack != null
                    && "Success".equals(ack.path("text").asText(null))
                    && ack.path("code").isIntegralNumber()
                    && ack.path("code").asInt() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private String redact(String text) {
        return config.token().redact(text);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_BODY_IN_REASON ? flat : flat.substring(0, MAX_BODY_IN_REASON) + "...";
    }

    @Override
    public String toString() {
        return "HecSender[" + config.eventEndpoint() + "]";
    }
}
