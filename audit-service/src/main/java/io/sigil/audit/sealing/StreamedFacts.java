package io.sigil.audit.sealing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigil.ledger.JcsStreamWriter;
import java.time.Instant;

/**
 * An event's query facts picked up while {@link JcsStreamWriter} reads it, with the same result as the tree path's
 * facts; where that result would depend on how Jackson turns a node into text (a number as an actor, a time that is
 * not a string), it declines and the tree path decides. Reused per event, not thread-safe.
 */
final class StreamedFacts implements JcsStreamWriter.Members {

    private String auditId;
    private String time;
    private Integer classUid;
    private String activity;
    private String source;
    private String actor;
    private String outcome;
    private String tool;

    void clear() {
        auditId = null;
        time = null;
        classUid = null;
        activity = null;
        source = null;
        actor = null;
        outcome = null;
        tool = null;
    }

    @Override
    public boolean member(int depth, String parent, String name, JsonParser parser) throws java.io.IOException {
        JsonToken token = parser.currentToken();
        if (depth == 1 && "attributes".equals(parent) && name.equals("tool")) {
            if (!text(token)) {
                return false;
            }
            tool = textOf(parser, token);
            return true;
        }
        if (depth != 0) {
            return true;
        }
        switch (name) {
            case "audit_id":
                // An event has a non-null audit_id; a string here, anything else is the tree path's to judge.
                if (token != JsonToken.VALUE_STRING) {
                    return false;
                }
                auditId = parser.getText();
                return true;
            case "time":
                // A string, or null (no fact); a number or a container is the tree path's (epoch seconds, or refused).
                if (token == JsonToken.VALUE_NULL) {
                    return true;
                }
                if (token != JsonToken.VALUE_STRING) {
                    return false;
                }
                time = parser.getText();
                return true;
            case "class_uid":
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    if (parser.getNumberType() != JsonParser.NumberType.INT) {
                        return false; // the tree narrows a long to an int; left to it
                    }
                    classUid = parser.getIntValue();
                }
                return true; // anything not integral is no fact, as in the tree path
            case "activity", "source", "actor", "outcome":
                if (!text(token)) {
                    return false;
                }
                String value = textOf(parser, token);
                switch (name) {
                    case "activity" -> activity = value;
                    case "source" -> source = value;
                    case "actor" -> actor = value;
                    default -> outcome = value;
                }
                return true;
            default:
                return true;
        }
    }

    /** A text fact is a string, or none (null, an object, an array); numbers and booleans are left to the tree. */
    private static boolean text(JsonToken token) {
        return token == JsonToken.VALUE_STRING
                || token == JsonToken.VALUE_NULL
                || token == JsonToken.START_OBJECT
                || token == JsonToken.START_ARRAY;
    }

    private static String textOf(JsonParser parser, JsonToken token) throws java.io.IOException {
        return token == JsonToken.VALUE_STRING ? EventCanonicaliser.fact(parser.getText()) : null;
    }

    /** The facts of the event just read, or null if it is no event this path decides (no string audit_id). */
    EventFacts facts() {
        if (auditId == null) {
            return null;
        }
        Instant eventTime = time == null ? null : EventCanonicaliser.storable(IsoInstant.parse(time));
        return new EventFacts(
                true, EventCanonicaliser.fact(auditId), eventTime, classUid, activity, source, actor, outcome, tool);
    }
}
