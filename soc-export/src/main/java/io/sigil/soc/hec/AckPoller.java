package io.sigil.soc.hec;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.soc.DeliveryResult;
import io.sigil.soc.event.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Asks HEC's ack endpoint about one ackId until it is reported indexed or the ack timeout passes. Busy answers and
 * I/O errors while polling are not failures yet: only the timeout is, and then the batch is sent again.
 */
final class AckPoller {

    private final HecConfig config;
    private final HecAcks acks;
    private final HttpClient client;

    AckPoller(HecConfig config, HecAcks acks, HttpClient client) {
        this.config = config;
        this.acks = acks;
        this.client = client;
    }

    /** Delivered once {@code ackId} is acknowledged; retryable when {@code deadlineNanos} passes first. */
    DeliveryResult await(long ackId, int events, long deadlineNanos) {
        String last = "no answer yet";
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return DeliveryResult.retryable(config.token()
                        .redact("HEC did not acknowledge ackId " + ackId + " within " + acks.timeout() + " (" + last
                                + "); the batch will be sent again"));
            }
            try {
                Thread.sleep(Math.min(acks.pollInterval().toMillis(), left / 1_000_000 + 1));
                HttpResponse<String> response = client.send(request(ackId), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && acknowledged(response.body(), ackId)) {
                    return DeliveryResult.delivered(events);
                }
                last = "last ack answer HTTP " + response.statusCode();
            } catch (IOException e) {
                last = "last ack request failed: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DeliveryResult.retryable("interrupted while waiting for HEC ackId " + ackId);
            }
        }
    }

    private HttpRequest request(long ackId) {
        return HttpRequest.newBuilder(config.ackEndpoint())
                .timeout(config.requestTimeout())
                .header("Authorization", config.token().authorizationHeader())
                .header(HecConfig.CHANNEL_HEADER, acks.channel())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"acks\":[" + ackId + "]}"))
                .build();
    }

    /** HEC answers {@code {"acks":{"<id>":true|false}}}. */
    private static boolean acknowledged(String body, long ackId) {
        try {
            JsonNode answer = Json.MAPPER.readTree(body);
            return answer != null
                    && answer.path("acks").path(Long.toString(ackId)).isBoolean()
                    && answer.path("acks").path(Long.toString(ackId)).booleanValue();
        } catch (IOException e) {
            return false;
        }
    }
}
