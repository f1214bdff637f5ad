package io.sigil.soc.hec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.event.EventView;
import io.sigil.soc.event.Json;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

/** The HEC request body: one JSON event envelope per sealed event, concatenated as the collector accepts them. */
final class HecPayload {

    private final String host;

    HecPayload(String host) {
        this.host = host;
    }

    byte[] body(List<SealedEvent> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 1024);
        for (SealedEvent event : batch) {
            out.writeBytes(envelope(EventView.of(event)));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private byte[] envelope(EventView view) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("time", BigDecimal.valueOf(view.time().toEpochMilli(), 3));
        envelope.put("host", host);
        envelope.put("source", HecConfig.SOURCE);
        envelope.put("sourcetype", HecConfig.SOURCETYPE);
        ObjectNode event = view.object().orElseGet(() -> rawEvent(view));
        event.set("sigil_chain", chain(view.sealed()));
        envelope.set("event", event);
        try {
            return Json.MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built here failed to serialize", e);
        }
    }

    // Unreadable event text still goes out, as a string, so the SOC sees that something was sealed.
    private static ObjectNode rawEvent(EventView view) {
        ObjectNode raw = Json.MAPPER.createObjectNode();
        raw.put("sigil_raw_event", view.sealed().eventJson());
        return raw;
    }

    private static ObjectNode chain(SealedEvent e) {
        ObjectNode chain = Json.MAPPER.createObjectNode();
        chain.put("chain", e.chain());
        chain.put("seq", e.seq());
        chain.put("epoch", e.epoch());
        chain.put("mac", e.mac());
        chain.put("prev_mac", e.prevMac());
        return chain;
    }
}
