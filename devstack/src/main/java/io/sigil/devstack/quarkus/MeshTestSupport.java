package io.sigil.devstack.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.sigil.devstack.KeycloakTokens;
import org.eclipse.microprofile.config.ConfigProvider;

/** What every service's {@code @QuarkusTest} needs from the test devstack, written once. */
public final class MeshTestSupport {

    private MeshTestSupport() {}

    /** Real tokens from the Keycloak the service under test trusts. */
    public static KeycloakTokens tokens() {
        return new KeycloakTokens(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
    }

    public static String kafkaBootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The service is ready, and so are its Kafka and PostgreSQL checks. */
    public static void assertReadyWithKafkaAndPostgres() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'postgresql' }.status", equalTo("UP"));
    }
}
