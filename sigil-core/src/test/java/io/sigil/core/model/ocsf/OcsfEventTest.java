package io.sigil.core.model.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.core.model.AuditEvent;
import io.sigil.core.model.TrustLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit event's OCSF form: the attributes OCSF 1.5.0 requires of each class the mesh writes, and a lossless
 * read back, also of events in the form they had before.
 */
class OcsfEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2026-11-24T05:30:12.345678901Z");

    // The activity ids each class defines in OCSF 1.5.0 (0 Unknown and 99 Other are common to all).
    private static final Map<Integer, Set<Integer>> ACTIVITIES = Map.of(
            6003, Set.of(1, 2, 3, 4, 99),
            3002, Set.of(1, 2, 3, 4, 5, 6, 7, 99),
            3003, Set.of(1, 2, 3, 99),
            3004, Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 99),
            2004, Set.of(1, 2, 3, 99));

    @Test
    void aToolCallIsAnApiActivityWithEveryRequiredAttribute() throws Exception {
        JsonNode json = write(toolCall("success", 0));

        assertBase(json, 6003, 6);
        assertThat(json.path("activity_id").asInt()).isEqualTo(99);
        assertThat(json.path("activity_name").asText()).isEqualTo("tools/call");
        assertThat(json.path("actor").path("user").path("name").asText()).isEqualTo("alice");
        assertThat(json.path("actor").path("user").path("uid").asText()).isEqualTo("sub-1");
        assertThat(json.path("actor").path("app_name").asText()).isEqualTo("agent-client");
        assertThat(json.path("api").path("operation").asText()).isEqualTo("tools/call");
        assertThat(json.path("api").path("service").path("name").asText()).isEqualTo("demo");
        assertThat(json.path("src_endpoint").path("name").asText()).isEqualTo("agent-client");
        assertThat(json.path("resources").get(0).path("name").asText()).isEqualTo("echo");
        assertThat(json.path("resources").get(0).path("uid").asText()).isEqualTo("sha256:abc");
        assertThat(json.path("status_id").asInt()).isEqualTo(1);
        assertThat(json.path("severity_id").asInt()).isEqualTo(1);
        assertThat(json.path("action").asText()).isEqualTo("Allowed");
    }

    @Test
    void aReadMethodIsARead() throws Exception {
        JsonNode json = write(event(6003, "tools/list", "success", Map.of()));

        assertThat(json.path("activity_id").asInt()).isEqualTo(2);
        assertThat(json.path("activity_name").asText()).isEqualTo("Read");
        assertThat(json.path("type_uid").asLong()).isEqualTo(600302L);
        assertThat(json.path("type_name").asText()).isEqualTo("API Activity: Read");
    }

    @Test
    void aMaskedAnswerIsModifiedAndADenialIsBlocked() throws Exception {
        JsonNode masked = write(toolCall("success", 2));
        JsonNode denied = write(toolCall("denied", 0));

        assertThat(masked.path("action_id").asInt()).isEqualTo(4);
        assertThat(masked.path("disposition").asText()).isEqualTo("Corrected");
        assertThat(denied.path("action_id").asInt()).isEqualTo(2);
        assertThat(denied.path("disposition_id").asInt()).isEqualTo(2);
        assertThat(denied.path("status_id").asInt()).isEqualTo(2);
        assertThat(denied.path("status_code").asText()).isEqualTo("-32001");
        assertThat(denied.path("status_detail").asText()).isEqualTo("tool changed");
        assertThat(denied.path("severity_id").asInt())
                .isGreaterThan(masked.path("severity_id").asInt());
    }

    @Test
    void aDeniedFindingIsAHighAlertWithItsFindingInfo() throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("tool", "echo");
        attributes.put("interceptions", 2);
        attributes.put(
                "intercepted",
                List.of(
                        Map.of("category", "CREDENTIAL", "path", "/a", "direction", "response"),
                        Map.of("category", "CREDENTIAL", "path", "/b", "direction", "response")));
        JsonNode json = write(event(2004, "mcp/interception", "denied", attributes));

        assertBase(json, 2004, 2);
        assertThat(json.path("finding_info").path("uid").asText()).isEqualTo("audit-1/mcp/interception");
        assertThat(json.path("finding_info").path("title").asText()).isEqualTo("mcp/interception");
        assertThat(json.path("finding_info").path("types")).hasSize(1);
        assertThat(json.path("finding_info").path("types").get(0).asText()).isEqualTo("CREDENTIAL");
        assertThat(json.path("is_alert").asBoolean()).isTrue();
        assertThat(json.path("severity_id").asInt()).isEqualTo(4);
        assertThat(json.path("status").asText()).isEqualTo("New");
    }

    @Test
    void authenticationSessionAndEntityEventsCarryTheirClassObjects() throws Exception {
        JsonNode login = write(event(
                3002, "mcp/authenticate", "failure", Map.of("reason", "expired", "auth_protocol", "oauth2-bearer")));
        JsonNode session = write(new AuditEvent(
                "audit-1",
                TIME,
                3003,
                "mcp/session",
                "gateway",
                "alice",
                TrustLevel.HIGH,
                "success",
                Map.of("session_digest", "sha256:ff")));
        JsonNode entity = write(event(3004, "agents/revoke", "success", Map.of("did", "did:web:x", "version", 3)));

        assertBase(login, 3002, 3);
        assertThat(login.path("user").path("name").asText()).isEqualTo("alice");
        assertThat(login.path("auth_protocol_id").asInt()).isEqualTo(6);
        assertThat(login.path("disposition").asText()).isEqualTo("Unauthorized");
        assertBase(session, 3003, 3);
        assertThat(session.path("privileges").get(0).asText()).isEqualTo("High");
        assertThat(session.path("session").path("uid").asText()).isEqualTo("sha256:ff");
        assertBase(entity, 3004, 3);
        assertThat(entity.path("activity_name").asText()).isEqualTo("Deactivate");
        assertThat(entity.path("entity").path("uid").asText()).isEqualTo("did:web:x");
    }

    @Test
    void aPolicyRuleBecomesTheOcsfPolicyObject() throws Exception {
        JsonNode json = write(event(
                6003, "tools/call", "denied", Map.of("policy_rule", "pinning/changed", "policy_version", "sha256:12")));

        assertThat(json.path("policy").path("uid").asText()).isEqualTo("pinning/changed");
        assertThat(json.path("policy").path("version").asText()).isEqualTo("sha256:12");
        assertThat(json.path("policy").path("is_applied").asBoolean()).isTrue();
    }

    @Test
    void everyClassReadsBackExactly() throws Exception {
        for (AuditEvent event : List.of(
                toolCall("success", 1),
                toolCall("denied", 0),
                event(3002, "mcp/authenticate", "failure", Map.of("reason", "x")),
                event(3004, "agents/register", "success", Map.of("did", "did:web:y")),
                event(2004, "tool/changed", "denied", Map.of("tool", "echo")),
                event(4242, "something/else", "odd", Map.of()))) {
            String json = MAPPER.writeValueAsString(event);

            assertThat(MAPPER.readValue(json, AuditEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void anEventInThePlainFormOfEarlierReleasesStillReads() throws Exception {
        String iso = "{\"audit_id\":\"a-1\",\"time\":\"2026-11-24T05:30:12.345678901Z\",\"class_uid\":6003,"
                + "\"activity\":\"tools/call\",\"source\":\"gateway\",\"actor\":\"alice\",\"trust_level\":\"High\","
                + "\"outcome\":\"success\",\"attributes\":{\"tool\":\"echo\",\"interceptions\":0}}";
        // Jackson wrote an Instant as decimal seconds; a double keeps them to about a microsecond.
        String seconds = iso.replace("\"2026-11-24T05:30:12.345678901Z\"", "1795498212.345");

        AuditEvent fromIso = MAPPER.readValue(iso, AuditEvent.class);
        AuditEvent fromSeconds = MAPPER.readValue(seconds, AuditEvent.class);

        assertThat(fromIso.time()).isEqualTo(TIME);
        assertThat(fromSeconds.time()).isEqualTo(Instant.parse("2026-11-24T05:30:12.345Z"));
        assertThat(fromSeconds.auditId()).isEqualTo(fromIso.auditId());
        assertThat(fromIso.trustLevel()).isEqualTo(TrustLevel.HIGH);
        assertThat(fromIso.attributes()).containsEntry("tool", "echo");
    }

    @Test
    void aJsonThatIsNoEventIsRefused() {
        assertThatThrownBy(() -> MAPPER.readValue("[1,2]", AuditEvent.class)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"class_uid\":6003}", AuditEvent.class))
                .isInstanceOf(Exception.class);
    }

    @Test
    void theSigilFieldsAreFoundInBothForms() throws Exception {
        JsonNode ocsf = write(toolCall("success", 0));
        JsonNode plain = MAPPER.readTree("{\"audit_id\":\"a-9\",\"actor\":\"bob\",\"attributes\":{\"tool\":\"t\"}}");

        assertThat(OcsfFields.isOcsf(ocsf)).isTrue();
        assertThat(OcsfFields.sigil(ocsf, OcsfFields.AUDIT_ID).asText()).isEqualTo("audit-1");
        assertThat(OcsfFields.attribute(ocsf, "tool").asText()).isEqualTo("echo");
        assertThat(OcsfFields.time(ocsf).asText()).isEqualTo(TIME.toString());
        assertThat(OcsfFields.isOcsf(plain)).isFalse();
        assertThat(OcsfFields.sigil(plain, OcsfFields.ACTOR).asText()).isEqualTo("bob");
        assertThat(OcsfFields.attribute(plain, "tool").asText()).isEqualTo("t");
    }

    private static void assertBase(JsonNode json, int classUid, int category) {
        assertThat(json.path("class_uid").asInt()).isEqualTo(classUid);
        assertThat(json.path("category_uid").asInt()).isEqualTo(category);
        int activity = json.path("activity_id").asInt();
        assertThat(ACTIVITIES.get(classUid)).contains(activity);
        assertThat(json.path("type_uid").asLong()).isEqualTo(classUid * 100L + activity);
        assertThat(json.path("time").isIntegralNumber()).isTrue();
        assertThat(json.path("time").asLong()).isEqualTo(TIME.toEpochMilli());
        assertThat(json.path("time_dt").asText()).isEqualTo(TIME.toString());
        assertThat(json.path("severity_id").isInt()).isTrue();
        assertThat(json.path("metadata").path("version").asText()).isEqualTo("1.5.0");
        assertThat(json.path("metadata").path("product").path("name").asText()).isEqualTo("SIGIL mesh");
        assertThat(json.path("metadata").path("product").path("vendor_name").asText())
                .isEqualTo("SIGIL");
        assertThat(json.path("metadata").path("correlation_uid").asText()).isEqualTo("audit-1");
        assertThat(json.path("unmapped").path("audit_id").asText()).isEqualTo("audit-1");
        // The actor object needs at least one of its members; the mesh always names the user (a finding, in its
        // evidence: OCSF gives the class no actor).
        JsonNode actor = classUid == 2004 ? json.path("evidences").get(0).path("actor") : json.path("actor");
        assertThat(actor.path("user").path("name").asText()).isNotEmpty();
        assertThat(json.has("actor")).isEqualTo(classUid != 2004);
    }

    private static AuditEvent toolCall(String outcome, int interceptions) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("method", "tools/call");
        attributes.put("tool", "echo");
        attributes.put("upstream", "demo");
        attributes.put("tool_digest", "sha256:abc");
        attributes.put("client_id", "agent-client");
        attributes.put("subject", "sub-1");
        attributes.put("trust", Map.of("person", "High", "rules_version", 4));
        attributes.put("interceptions", interceptions);
        if ("denied".equals(outcome)) {
            attributes.put("error_code", -32001);
            attributes.put("reason", "tool changed");
        }
        return new AuditEvent(
                "audit-1", TIME, 6003, "tools/call", "gateway", "alice", TrustLevel.HIGH, outcome, attributes);
    }

    private static AuditEvent event(int classUid, String activity, String outcome, Map<String, Object> attributes) {
        return new AuditEvent("audit-1", TIME, classUid, activity, "gateway", "alice", null, outcome, attributes);
    }

    private static JsonNode write(AuditEvent event) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(event));
    }
}
