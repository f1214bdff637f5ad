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
import java.util.List;

/**
 * Posts batches to a Splunk HTTP Event Collector's event endpoint; with indexer acknowledgement configured, on a
 * channel, and a batch is delivered only once its ackId is acknowledged. One batch is in flight at a time.
 */
public final class HecSender implements Exporter {

    private static final System.Logger LOG = System.getLogger(HecSender.class.getName());
    private static final int MAX_BODY_IN_REASON = 200;

    private final HecConfig config;
    private final HttpClient client;
    private final HecPayload payload;
    private final AckPoller acks;

    public HecSender(HecConfig config) {
        this(config, defaultClient(config));
    }

    public HecSender(HecConfig config, HttpClient client) {
        this.config = config;
        this.client = client;
        this.payload = new HecPayload(config.host());
        this.acks = config.acks().map(a -> new AckPoller(config, a, client)).orElse(null);
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
     * Without acks, delivered means HTTP 200 with {@code {"text":"Success","code":0}}: the collector accepted the
     * batch. With acks, that answer must also carry an {@code ackId}, and the batch is delivered only when the ack
     * endpoint reports it indexed within the ack timeout (else retryable: it is sent again). 429, 5xx, other 200 bodies
     * and I/O errors are retryable; any other status is permanent.
     */
    @Override
    public DeliveryResult deliver(List<SealedEvent> batch) {
        if (batch.isEmpty()) {
            return DeliveryResult.delivered(0);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(config.eventEndpoint())
                .timeout(config.requestTimeout())
                .header("Authorization", config.token().authorizationHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body(batch)));
        config.acks().ifPresent(a -> request.header(HecConfig.CHANNEL_HEADER, a.channel()));
        long sent = System.nanoTime();
        DeliveryResult result;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            result = classify(response.statusCode(), response.body(), batch.size());
            if (result.isDelivered() && acks != null) {
                result = awaitAck(response.body(), batch.size(), sent);
            }
        } catch (IOException e) {
            result = DeliveryResult.retryable(
                    redact("HEC request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = DeliveryResult.retryable("HEC request interrupted");
        }
        if (!result.isDelivered()) {
            LOG.log(Level.WARNING, "HEC batch of {0} events not delivered: {1}", batch.size(), result.reason());
        }
        return result;
    }

    private DeliveryResult awaitAck(String body, int events, long sentNanos) {
        JsonNode ackId = ackIdOf(body);
        if (ackId == null) {
            // Accepted but not trackable: the token has indexer acknowledgement off. Delivery cannot be confirmed.
            return DeliveryResult.permanent(
                    "HEC accepted the batch without an ackId: enable indexer acknowledgement for this token");
        }
        long deadline = sentNanos + config.acks().orElseThrow().timeout().toNanos();
        return acks.await(ackId.longValue(), events, deadline);
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
