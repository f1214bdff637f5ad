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

/** Posts batches to a Splunk HTTP Event Collector's event endpoint. */
public final class HecSender implements Exporter {

    private static final System.Logger LOG = System.getLogger(HecSender.class.getName());
    private static final int MAX_BODY_IN_REASON = 200;

    private final HecConfig config;
    private final HttpClient client;
    private final HecPayload payload;

    public HecSender(HecConfig config) {
        this(config, defaultClient(config));
    }

    public HecSender(HecConfig config, HttpClient client) {
        this.config = config;
        this.client = client;
        this.payload = new HecPayload(config.host());
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
     * Delivered means HTTP 200 with {@code {"text":"Success","code":0}}: the collector accepted the batch (indexing
     * is confirmed only by HEC indexer acknowledgement, not used here). 429, 5xx, other 200 bodies and I/O errors are
     * retryable; any other status is permanent.
     */
    @Override
    public DeliveryResult deliver(List<SealedEvent> batch) {
        if (batch.isEmpty()) {
            return DeliveryResult.delivered(0);
        }
        HttpRequest request = HttpRequest.newBuilder(config.eventEndpoint())
                .timeout(config.requestTimeout())
                .header("Authorization", config.token().authorizationHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body(batch)))
                .build();
        DeliveryResult result;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            result = classify(response.statusCode(), response.body(), batch.size());
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
