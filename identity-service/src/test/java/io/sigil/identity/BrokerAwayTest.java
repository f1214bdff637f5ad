package io.sigil.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.MeshTestSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Writes while the identities topic cannot be reached (its channel points at a closed port; the rest of the
 * devstack is real): they are stored, answered 202 with {@code "published": false}, and stay pending for the
 * relay. {@link PublicationRecoveryTest} shows the relay publishing such pending changes.
 */
@QuarkusTest
@TestProfile(BrokerAwayTest.IdentitiesTopicAway.class)
class BrokerAwayTest {

    @Inject
    Pool pool;

    @Test
    void aRegistrationAndARevocationAreStoredButAnsweredAsNotYetPublished() {
        // Given an administrator, and a broker that does not answer the identities channel
        KeycloakTokens tokens = MeshTestSupport.tokens();
        String admin = tokens.clientCredentials("sigil-admin");
        String did = "did:sigil:test-" + UUID.randomUUID();

        // When an agent is registered and then revoked
        // Then both are answered 202 with published false, within the configured wait
        long started = System.nanoTime();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "did",
                        did,
                        "client_id",
                        "client-" + UUID.randomUUID(),
                        "owner",
                        "team-ops",
                        "allowed_upstreams",
                        List.of("demo"),
                        "max_trust_level",
                        "Low"))
                .when()
                .post("/api/agents")
                .then()
                .statusCode(202)
                .body("did", equalTo(did))
                .body("published", equalTo(false));
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/agents/" + did + "/revoke")
                .then()
                .statusCode(202)
                .body("status", equalTo("revoked"))
                .body("version", equalTo(2))
                .body("published", equalTo(false));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        // And the revocation is stored, pending publication
        var row = pool.preparedQuery("select status, version, published_version from agent where did = $1")
                .execute(Tuple.of(did))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
        assertThat(row.getString("status")).isEqualTo("revoked");
        assertThat(row.getLong("version")).isEqualTo(2);
        assertThat(row.getLong("published_version")).isZero();
    }

    /** The identities channel at a port nothing listens on; a short wait keeps the test quick. */
    public static class IdentitiesTopicAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.identities-out.bootstrap.servers", "127.0.0.1:9",
                    "mp.messaging.outgoing.identities-out.max.block.ms", "1000",
                    "sigil.identity.publish-wait", "1s");
        }
    }
}
