package io.sigil.identity;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An administrator's calls to the registry, for tests that are about something else. */
final class Admin {

    private final String token;

    Admin(String token) {
        this.token = token;
    }

    /** Registers a fresh agent (random DID and client id) and returns its DID. */
    String registerFreshAgent(String maxTrustLevel) {
        String did = "did:sigil:test-" + UUID.randomUUID();
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "did",
                        did,
                        "client_id",
                        "client-" + UUID.randomUUID(),
                        "owner",
                        "team-payments",
                        "allowed_upstreams",
                        List.of("demo-upstream"),
                        "max_trust_level",
                        maxTrustLevel))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(201);
        return did;
    }

    ValidatableResponse change(String did, String action, String reason) {
        var request = given().auth().oauth2(token);
        if (reason != null) {
            request = request.contentType(ContentType.JSON).body(Map.of("reason", reason));
        }
        return request.when().post("/api/agents/" + did + "/" + action).then();
    }

    ValidatableResponse patch(String did, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/agents/" + did)
                .then();
    }
}
