package io.sigil.soc.hec;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.soc.event.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks HEC's ack endpoint, in one request, which of several ackIds of the channel are indexed. Busy answers and I/O
 * errors are not failures: they report nothing indexed yet, and only the caller's ack timeout fails a batch.
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

    /** What one ack request said: the ackIds reported indexed, and how the request went, for failure reasons. */
    record Answer(Set<Long> indexed, String note) {}

    Answer poll(Collection<Long> ackIds) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request(ackIds), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Answer(Set.of(), "last ack answer HTTP " + response.statusCode());
            }
            return new Answer(acknowledged(response.body(), ackIds), "last ack answer HTTP 200");
        } catch (IOException e) {
            return new Answer(
                    Set.of(), "last ack request failed: " + e.getClass().getSimpleName());
        }
    }

    private HttpRequest request(Collection<Long> ackIds) {
        String ids = ackIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return HttpRequest.newBuilder(config.ackEndpoint())
                .timeout(config.requestTimeout())
                .header("Authorization", config.token().authorizationHeader())
                .header(HecConfig.CHANNEL_HEADER, acks.channel())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"acks\":[" + ids + "]}"))
                .build();
    }

    /** HEC answers {@code {"acks":{"<id>":true|false, ...}}}; only a literal true counts. */
    private static Set<Long> acknowledged(String body, Collection<Long> ackIds) {
        Set<Long> indexed = new HashSet<>();
        try {
            JsonNode answer = Json.MAPPER.readTree(body);
            if (answer == null) {
                return indexed;
            }
            for (long id : ackIds) {
                JsonNode status = answer.path("acks").path(Long.toString(id));
                if (status.isBoolean() && status.booleanValue()) {
                    indexed.add(id);
                }
            }
        } catch (IOException e) {
            // An unreadable answer acknowledges nothing.
        }
        return indexed;
    }
}
