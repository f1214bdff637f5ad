package io.sigil.gateway.upstream;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code text/event-stream} body into the data of its events, as the SSE specification defines. */
final class SseMessages {

    private SseMessages() {}

    static List<String> dataOf(String body) {
        List<String> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                flush(events, data);
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            }
        }
        flush(events, data);
        return events;
    }

    private static void flush(List<String> events, StringBuilder data) {
        if (!data.isEmpty()) {
            events.add(data.toString());
            data.setLength(0);
        }
    }
}
