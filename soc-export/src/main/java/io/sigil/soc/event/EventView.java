package io.sigil.soc.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.model.ocsf.OcsfFields;
import io.sigil.soc.SealedEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/** A forgiving read of a sealed event's OCSF JSON: missing or odd fields become empty, never exceptions. */
public final class EventView {

    // OCSF counts milliseconds, as the mesh does now; its events of earlier releases counted seconds. A number this
    // large is not a plausible second count.
    private static final BigDecimal MILLIS_THRESHOLD = new BigDecimal("100000000000");
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final SealedEvent sealed;
    private final ObjectNode json;

    private EventView(SealedEvent sealed, ObjectNode json) {
        this.sealed = sealed;
        this.json = json;
    }

    public static EventView of(SealedEvent sealed) {
        try {
            JsonNode node = Json.MAPPER.readTree(sealed.eventJson());
            return new EventView(sealed, node instanceof ObjectNode ? (ObjectNode) node : null);
        } catch (JsonProcessingException | RuntimeException e) {
            return new EventView(sealed, null);
        }
    }

    public SealedEvent sealed() {
        return sealed;
    }

    /** True when the event text is not a JSON object: exporters then carry it as raw text. */
    public boolean isMalformed() {
        return json == null;
    }

    /** A copy of the event object, or empty when malformed. */
    public Optional<ObjectNode> object() {
        return Optional.ofNullable(json).map(ObjectNode::deepCopy);
    }

    /**
     * A SIGIL field ({@code audit_id}, {@code actor}, {@code outcome}, …) as text: scalars as their text, objects
     * and arrays as compact JSON, null or missing as empty. It is read under {@code unmapped} in an OCSF event and
     * at the top in the plain form of earlier releases.
     */
    public Optional<String> text(String field) {
        JsonNode node = json == null ? null : OcsfFields.sigil(json, field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(node.isContainerNode() ? node.toString() : node.asText());
    }

    public OptionalInt classUid() {
        JsonNode node = field("class_uid");
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            return OptionalInt.of(node.intValue());
        }
        if (node != null && node.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(node.asText().trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    public Optional<EventClass> eventClass() {
        OptionalInt uid = classUid();
        return uid.isPresent() ? EventClass.of(uid.getAsInt()) : Optional.empty();
    }

    /** The attributes object (or whatever value sits there) as compact JSON. */
    public Optional<String> attributesJson() {
        JsonNode node = json == null ? null : OcsfFields.sigil(json, OcsfFields.ATTRIBUTES);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.toString());
    }

    /** When the event happened: its own time when readable and representable, else the moment it was sealed. */
    public Instant time() {
        return eventTime()
                .filter(t -> !t.isBefore(EARLIEST) && !t.isAfter(LATEST))
                .orElse(sealed.sealedAt());
    }

    private Optional<Instant> eventTime() {
        JsonNode node = field("time");
        try {
            if (node != null && node.isNumber()) {
                return Optional.of(fromEpochNumber(node.decimalValue()));
            }
            if (node != null && node.isTextual()) {
                return Optional.of(fromText(node.asText().trim()));
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Instant fromText(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return fromEpochNumber(new BigDecimal(text));
        }
    }

    private static Instant fromEpochNumber(BigDecimal value) {
        BigDecimal millis = value.abs().compareTo(MILLIS_THRESHOLD) >= 0 ? value : value.movePointRight(3);
        return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    private JsonNode field(String name) {
        return json == null ? null : json.get(name);
    }
}
