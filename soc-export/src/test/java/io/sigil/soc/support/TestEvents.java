package io.sigil.soc.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import io.sigil.soc.SealedEvent;
import io.sigil.soc.event.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds sealed events for tests: plain ones, and ones whose text attacks every escaping rule. */
public final class TestEvents {

    public static final Instant SEALED_AT = Instant.parse("2025-03-14T09:26:53.589Z");

    /** Values that break naive CEF, syslog SD or JSON handling. */
    public static final List<String> NASTY = List.of(
            "pipe|in|value",
            "equals=sign a=b",
            "back\\slash\\\\double",
            "new\nline and\r\ncrlf",
            "trailing backslash\\",
            "quote\" and ]bracket[ and \\]",
            "unicode: é 日本語 🔒 \u200b",
            "cef inject |CEF:0|x|y|1|2|3|10| suser=root",
            " leading and trailing spaces ",
            "tab\tinside");

    private TestEvents() {}

    public static String mac(long seq) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seq * 31 + i * 7);
        }
        return HexFormat.of().formatHex(b);
    }

    public static SealedEvent sealed(String chain, long seq, String eventJson) {
        return new SealedEvent(chain, seq, 3, mac(seq), seq == 0 ? "" : mac(seq - 1), SEALED_AT, eventJson);
    }

    /** A well-formed API Activity event with the given audit id, in the mesh's OCSF form. */
    public static ObjectNode apiActivity(String auditId, String outcome) {
        AuditEvent event = new AuditEvent(
                auditId,
                Instant.parse("2025-03-14T09:26:53.123Z"),
                AuditEvent.API_ACTIVITY,
                "tools/call",
                "gateway",
                "svc-payments",
                TrustLevel.MEDIUM,
                outcome,
                Map.of());
        ObjectNode e = Json.MAPPER.valueToTree(event);
        // In their order, so that what an exporter prints of them can be compared as text.
        ObjectNode attributes = ((ObjectNode) e.get("unmapped")).putObject("attributes");
        attributes.put("tool", "transfer_funds");
        attributes.put("upstream", "core-banking");
        attributes.put("latency_ms", 42);
        return e;
    }

    /** The same event in the plain form of earlier releases, which a trail may still hold. */
    public static ObjectNode plainApiActivity(String auditId, String outcome) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("audit_id", auditId);
        e.put("time", "2025-03-14T09:26:53.123Z");
        e.put("class_uid", 6003);
        e.put("activity", "tools/call");
        e.put("source", "gateway");
        e.put("actor", "svc-payments");
        e.put("trust_level", "Medium");
        e.put("outcome", outcome);
        ObjectNode attributes = e.putObject("attributes");
        attributes.put("tool", "transfer_funds");
        attributes.put("upstream", "core-banking");
        attributes.put("latency_ms", 42);
        return e;
    }

    /** An event whose every text field carries one of the nasty values. */
    public static ObjectNode adversarial(String auditId, int variant) {
        String nasty = NASTY.get(Math.floorMod(variant, NASTY.size()));
        ObjectNode e = apiActivity(auditId, "denied");
        ObjectNode sigil = (ObjectNode) e.get("unmapped");
        sigil.put("activity", "tools/call " + nasty);
        sigil.put("actor", nasty);
        sigil.put("source", "src " + nasty);
        sigil.put("trust_level", nasty);
        ((ObjectNode) sigil.get("attributes")).put("rule", nasty);
        return e;
    }

    /** n events on one chain, every third adversarial. */
    public static List<SealedEvent> batch(String chain, long firstSeq, int n) {
        List<SealedEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long seq = firstSeq + i;
            String id = new UUID(0x5161L, seq).toString();
            ObjectNode json = i % 3 == 2 ? adversarial(id, (int) seq) : apiActivity(id, "success");
            out.add(sealed(chain, seq, json.toString()));
        }
        return out;
    }
}
