package io.sigil.core.model.ocsf;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigil.core.model.AuditEvent;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The objects each OCSF class requires or recommends, filled from the event's SIGIL fields. */
final class OcsfClassObjects {

    private OcsfClassObjects() {}

    static void write(JsonGenerator gen, OcsfClass ocsfClass, AuditEvent event) throws IOException {
        switch (ocsfClass) {
            case API_ACTIVITY -> {
                api(gen, event);
                srcEndpoint(gen, event);
                resources(gen, event);
            }
            case AUTHENTICATION -> {
                user(gen, event);
                if ("oauth2-bearer".equals(event.attributes().get("auth_protocol"))) {
                    gen.writeNumberField("auth_protocol_id", 6);
                    gen.writeStringField("auth_protocol", "OAUTH 2.0");
                }
                gen.writeObjectFieldStart("service");
                gen.writeStringField("name", event.source());
                gen.writeEndObject();
                Object agent = event.attributes().get("user_agent");
                if (agent instanceof String) {
                    gen.writeObjectFieldStart("http_request");
                    gen.writeStringField("user_agent", (String) agent);
                    gen.writeEndObject();
                }
                srcEndpoint(gen, event);
            }
            case AUTHORIZE_SESSION -> {
                user(gen, event);
                gen.writeArrayFieldStart("privileges");
                gen.writeString(
                        event.trustLevel() == null ? "none" : event.trustLevel().wireName());
                gen.writeEndArray();
                Object session = event.attributes().get("session_digest");
                if (session instanceof String) {
                    gen.writeObjectFieldStart("session");
                    gen.writeStringField("uid", (String) session);
                    gen.writeEndObject();
                }
                srcEndpoint(gen, event);
            }
            case ENTITY_MANAGEMENT -> entity(gen, event);
            case DETECTION_FINDING -> {
                finding(gen, event);
                evidence(gen, event);
                resources(gen, event);
                gen.writeBooleanField("is_alert", "denied".equals(event.outcome()));
            }
        }
    }

    private static void api(JsonGenerator gen, AuditEvent event) throws IOException {
        gen.writeObjectFieldStart("api");
        gen.writeStringField("operation", event.activity());
        gen.writeObjectFieldStart("service");
        Object upstream = event.attributes().get("upstream");
        gen.writeStringField("name", upstream instanceof String ? (String) upstream : event.source());
        gen.writeEndObject();
        gen.writeObjectFieldStart("request");
        gen.writeStringField("uid", event.auditId());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /** Where the call came from: the caller's address and client when known, else the mesh service itself. */
    private static void srcEndpoint(JsonGenerator gen, AuditEvent event) throws IOException {
        Map<String, Object> attributes = event.attributes();
        gen.writeObjectFieldStart("src_endpoint");
        boolean named = false;
        if (attributes.get("client_ip") instanceof String ip) {
            gen.writeStringField("ip", ip);
            named = true;
        }
        if (attributes.get("client_id") instanceof String client) {
            gen.writeStringField("name", client);
            named = true;
        }
        if (!named) {
            gen.writeStringField("svc_name", event.source());
        }
        gen.writeEndObject();
    }

    private static void resources(JsonGenerator gen, AuditEvent event) throws IOException {
        if (!(event.attributes().get("tool") instanceof String tool)) {
            return;
        }
        gen.writeArrayFieldStart("resources");
        gen.writeStartObject();
        gen.writeStringField("type", "MCP tool");
        gen.writeStringField("name", tool);
        OcsfEventWriter.text(gen, "uid", event.attributes().get("tool_digest"));
        if (event.attributes().get("upstream") instanceof String upstream) {
            gen.writeObjectFieldStart("group");
            gen.writeStringField("name", upstream);
            gen.writeEndObject();
        }
        gen.writeEndObject();
        gen.writeEndArray();
    }

    /** Who called what, from where: the call a finding was made in. */
    private static void evidence(JsonGenerator gen, AuditEvent event) throws IOException {
        gen.writeArrayFieldStart("evidences");
        gen.writeStartObject();
        OcsfEventWriter.actor(gen, event);
        if (event.attributes().get("method") instanceof String method) {
            gen.writeObjectFieldStart("api");
            gen.writeStringField("operation", method);
            gen.writeEndObject();
        }
        srcEndpoint(gen, event);
        gen.writeEndObject();
        gen.writeEndArray();
    }

    private static void user(JsonGenerator gen, AuditEvent event) throws IOException {
        gen.writeObjectFieldStart("user");
        gen.writeStringField("name", event.actor());
        OcsfEventWriter.text(gen, "uid", event.attributes().get("subject"));
        gen.writeEndObject();
    }

    private static void entity(JsonGenerator gen, AuditEvent event) throws IOException {
        Map<String, Object> attributes = event.attributes();
        gen.writeObjectFieldStart("entity");
        gen.writeStringField("type", "agent");
        if (attributes.get("did") instanceof String did) {
            gen.writeStringField("uid", did);
        }
        gen.writeStringField("name", attributes.get("client_id") instanceof String client ? client : event.activity());
        OcsfEventWriter.text(gen, "version", attributes.get("version"));
        gen.writeEndObject();
    }

    private static void finding(JsonGenerator gen, AuditEvent event) throws IOException {
        gen.writeObjectFieldStart("finding_info");
        gen.writeStringField("uid", event.auditId() + "/" + event.activity());
        gen.writeStringField("title", event.activity());
        Set<String> types = new LinkedHashSet<>();
        for (Object interception : OcsfEventWriter.list(event.attributes().get("intercepted"))) {
            if (interception instanceof Map<?, ?> m && m.get("category") instanceof String category) {
                types.add(category);
            }
        }
        if (!types.isEmpty()) {
            gen.writeArrayFieldStart("types");
            for (String type : types) {
                gen.writeString(type);
            }
            gen.writeEndArray();
        }
        gen.writeObjectFieldStart("analytic");
        gen.writeStringField("name", event.source() + ":" + event.activity());
        gen.writeNumberField("type_id", 1);
        gen.writeStringField("type", "Rule");
        gen.writeEndObject();
        gen.writeEndObject();
    }
}
