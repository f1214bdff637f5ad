package io.sigil.core.model.ocsf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * Reads an {@link AuditEvent} back from its OCSF JSON, or from the plain form events had before, which an
 * outbox or a replayed topic may still hold. Only the SIGIL fields are read: the OCSF attributes are derived
 * from them.
 */
public final class OcsfEventReader extends StdDeserializer<AuditEvent> {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    public OcsfEventReader() {
        super(AuditEvent.class);
    }

    @Override
    public AuditEvent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode event = parser.readValueAsTree();
        if (event == null || !event.isObject()) {
            return (AuditEvent) context.handleUnexpectedToken(AuditEvent.class, parser);
        }
        JsonNode attributes = OcsfFields.sigil(event, OcsfFields.ATTRIBUTES);
        JsonNode trust = OcsfFields.sigil(event, OcsfFields.TRUST_LEVEL);
        try {
            return new AuditEvent(
                    text(event, OcsfFields.AUDIT_ID),
                    time(OcsfFields.time(event)),
                    event.path("class_uid").asInt(),
                    text(event, OcsfFields.ACTIVITY),
                    text(event, OcsfFields.SOURCE),
                    text(event, OcsfFields.ACTOR),
                    trust == null || trust.isNull() ? null : TrustLevel.fromWire(trust.asText()),
                    text(event, OcsfFields.OUTCOME),
                    attributes == null || !attributes.isObject()
                            ? null
                            : parser.getCodec().readValue(parser.getCodec().treeAsTokens(attributes), MAP));
        } catch (RuntimeException invalid) {
            return (AuditEvent) context.handleWeirdStringValue(AuditEvent.class, event.toString(), invalid.toString());
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = OcsfFields.sigil(event, field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode time) {
        if (time == null || time.isNull()) {
            return null;
        }
        if (time.isNumber()) {
            // The old plain form: epoch seconds with a fraction; read as a double, good to the microsecond.
            BigDecimal seconds = time.isBigDecimal()
                    ? time.decimalValue()
                    : time.decimalValue().setScale(6, RoundingMode.HALF_UP);
            long whole = seconds.longValue();
            return Instant.ofEpochSecond(
                    whole,
                    seconds.subtract(BigDecimal.valueOf(whole))
                            .movePointRight(9)
                            .longValue());
        }
        return Instant.parse(time.asText());
    }
}
