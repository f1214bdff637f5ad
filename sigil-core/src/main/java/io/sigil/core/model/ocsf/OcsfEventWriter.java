package io.sigil.core.model.ocsf;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.sigil.core.model.AuditEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditEvent} as an OCSF event of its class: the base attributes every OCSF consumer reads
 * (class, category, activity, type, time in epoch milliseconds, severity, status, metadata with the product and
 * the schema version), the class's own required objects (actor and api, user, finding_info, entity), the
 * security-control verdict, and the SIGIL fields whole under {@code unmapped}, so the event reads back exactly.
 */
public final class OcsfEventWriter extends StdSerializer<AuditEvent> {

    /** The OCSF schema version the events follow. */
    public static final String SCHEMA_VERSION = "1.5.0";

    public static final String PRODUCT = "SIGIL mesh";
    public static final String VENDOR = "SIGIL";

    public OcsfEventWriter() {
        super(AuditEvent.class);
    }

    @Override
    public void serialize(AuditEvent event, JsonGenerator gen, SerializerProvider provider) throws IOException {
        OcsfClass ocsfClass = OcsfClass.of(event.classUid()).orElse(null);
        OcsfActivity activity = OcsfActivity.of(ocsfClass, event.activity());
        Map<String, Object> attributes = event.attributes();
        gen.writeStartObject();
        gen.writeNumberField("class_uid", event.classUid());
        if (ocsfClass != null) {
            gen.writeStringField("class_name", ocsfClass.caption());
            gen.writeNumberField("category_uid", ocsfClass.categoryUid());
            gen.writeStringField("category_name", ocsfClass.categoryName());
        } else {
            gen.writeNumberField("category_uid", event.classUid() / 1000);
        }
        gen.writeNumberField("activity_id", activity.id());
        // OCSF's rule for Other: the name is the source's own; for the rest, the caption.
        gen.writeStringField(
                "activity_name", activity.id() == OcsfActivity.OTHER ? event.activity() : activity.caption());
        gen.writeNumberField("type_uid", event.classUid() * 100L + activity.id());
        if (ocsfClass != null) {
            gen.writeStringField("type_name", ocsfClass.caption() + ": " + activity.caption());
        }
        gen.writeNumberField("time", event.time().toEpochMilli());
        gen.writeStringField("time_dt", event.time().toString());
        OcsfVerdict verdict = OcsfVerdict.of(ocsfClass, event.outcome(), attributes);
        gen.writeNumberField("severity_id", verdict.severityId());
        gen.writeStringField("severity", verdict.severity());
        gen.writeNumberField("status_id", verdict.statusId());
        gen.writeStringField("status", verdict.status());
        text(gen, "status_code", attributes.get("error_code"));
        text(gen, "status_detail", attributes.get("reason"));
        if (verdict.actionId() != 0) {
            gen.writeNumberField("action_id", verdict.actionId());
            gen.writeStringField("action", verdict.action());
            gen.writeNumberField("disposition_id", verdict.dispositionId());
            gen.writeStringField("disposition", verdict.disposition());
        }
        gen.writeStringField("message", event.activity() + " " + event.outcome());
        metadata(gen, event);
        if (ocsfClass != OcsfClass.DETECTION_FINDING) {
            // A finding has no actor of its own: it names who acted in its evidence.
            actor(gen, event);
        }
        if (ocsfClass != null) {
            OcsfClassObjects.write(gen, ocsfClass, event);
        }
        policy(gen, attributes);
        unmapped(gen, event, provider);
        gen.writeEndObject();
    }

    private static void metadata(JsonGenerator gen, AuditEvent event) throws IOException {
        gen.writeObjectFieldStart("metadata");
        gen.writeStringField("version", SCHEMA_VERSION);
        gen.writeObjectFieldStart("product");
        gen.writeStringField("name", PRODUCT);
        gen.writeStringField("vendor_name", VENDOR);
        gen.writeObjectFieldStart("feature");
        gen.writeStringField("name", event.source());
        gen.writeEndObject();
        gen.writeEndObject();
        // Several events share an audit id (a call's admission, its outcome, its findings): it correlates them.
        gen.writeStringField("correlation_uid", event.auditId());
        gen.writeStringField("log_name", "sigil.audit.events");
        gen.writeArrayFieldStart("profiles");
        gen.writeString("datetime");
        gen.writeString("security_control");
        gen.writeEndArray();
        gen.writeEndObject();
    }

    static void actor(JsonGenerator gen, AuditEvent event) throws IOException {
        Map<String, Object> attributes = event.attributes();
        gen.writeObjectFieldStart("actor");
        gen.writeObjectFieldStart("user");
        gen.writeStringField("name", event.actor());
        text(gen, "uid", attributes.get("subject"));
        gen.writeEndObject();
        Object client = attributes.containsKey("actor_client_id")
                ? attributes.get("actor_client_id")
                : attributes.get("client_id");
        text(gen, "app_name", client);
        gen.writeEndObject();
    }

    /** The rule that decided and the version of the rules it belongs to, when a stage names them. */
    private static void policy(JsonGenerator gen, Map<String, Object> attributes) throws IOException {
        Object rule = attributes.get("policy_rule");
        if (rule == null) {
            return;
        }
        gen.writeObjectFieldStart("policy");
        text(gen, "uid", rule);
        text(gen, "name", rule);
        text(gen, "version", attributes.get("policy_version"));
        gen.writeBooleanField("is_applied", true);
        gen.writeEndObject();
    }

    private static void unmapped(JsonGenerator gen, AuditEvent event, SerializerProvider provider) throws IOException {
        gen.writeObjectFieldStart("unmapped");
        gen.writeStringField(OcsfFields.AUDIT_ID, event.auditId());
        gen.writeStringField(OcsfFields.ACTIVITY, event.activity());
        gen.writeStringField(OcsfFields.SOURCE, event.source());
        gen.writeStringField(OcsfFields.ACTOR, event.actor());
        if (event.trustLevel() != null) {
            gen.writeFieldName(OcsfFields.TRUST_LEVEL);
            provider.defaultSerializeValue(event.trustLevel(), gen);
        }
        gen.writeStringField(OcsfFields.OUTCOME, event.outcome());
        gen.writeFieldName(OcsfFields.ATTRIBUTES);
        provider.defaultSerializeValue(event.attributes(), gen);
        gen.writeEndObject();
    }

    static void text(JsonGenerator gen, String field, Object value) throws IOException {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            gen.writeStringField(field, value.toString());
        }
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
