package io.sigil.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sigil.devstack.KeycloakTokens;
import io.sigil.devstack.quarkus.MeshTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DID resolution (universal-resolver style) against real PostgreSQL and Keycloak. */
@QuarkusTest
class DidResolutionTest {

    private static KeycloakTokens tokens;
    private static Admin admin;

    @BeforeAll
    static void connect() {
        tokens = MeshTestSupport.tokens();
        admin = new Admin(tokens.clientCredentials("sigil-admin"));
    }

    @Test
    void anAgentResolvesARegisteredDidToItsDocument() {
        // Given a registered agent
        String did = admin.registerFreshAgent("Medium");
        String clientId = given().auth()
                .oauth2(tokens.clientCredentials("sigil-soc"))
                .get("/api/agents/" + did)
                .then()
                .extract()
                .path("client_id");

        // When an agent resolves its DID
        // Then the answer is the DID document with its metadata
        given().auth()
                .oauth2(tokens.clientCredentials("demo-agent-low"))
                .when()
                .get("/1.0/identifiers/" + did)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("didDocument.'@context'", hasItem("https://www.w3.org/ns/did/v1"))
                .body("didDocument.id", equalTo(did))
                .body("didDocument.controller", equalTo("did:sigil:registry"))
                .body("didDocument.alsoKnownAs", equalTo(List.of("urn:sigil:oauth-client:" + clientId)))
                .body("didDocument.sigil.owner", equalTo("team-payments"))
                .body("didDocument.sigil.status", equalTo("active"))
                .body("didDocument.sigil.max_trust_level", equalTo("Medium"))
                .body("didResolutionMetadata.contentType", equalTo("application/did+ld+json"))
                .body("didResolutionMetadata.error", nullValue())
                .body("didDocumentMetadata.versionId", equalTo("1"))
                .body("didDocumentMetadata.created", notNullValue())
                .body("didDocumentMetadata.updated", notNullValue())
                .body("didDocumentMetadata.deactivated", equalTo(false));
    }

    @Test
    void aRevokedDidResolvesAsDeactivatedAndGone() {
        // Given a revoked agent
        String did = admin.registerFreshAgent("Low");
        admin.change(did, "revoke", "test").statusCode(200);

        // When an auditor resolves its DID
        // Then the answer is 410 with the document marked deactivated at version 2
        given().auth()
                .oauth2(tokens.clientCredentials("sigil-soc"))
                .when()
                .get("/1.0/identifiers/" + did)
                .then()
                .statusCode(410)
                .body("didDocument.sigil.status", equalTo("revoked"))
                .body("didDocumentMetadata.deactivated", equalTo(true))
                .body("didDocumentMetadata.versionId", equalTo("2"));
    }

    @Test
    void unknownMalformedAndForeignDidsAreResolutionErrors() {
        // Given an agent's token
        String agent = tokens.clientCredentials("demo-agent-low");

        // When an unregistered DID, a string that is no DID, and a DID of another method are resolved
        // Then each is a resolution result with its error and no document
        given().auth()
                .oauth2(agent)
                .get("/1.0/identifiers/did:sigil:" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("didDocument", nullValue())
                .body("didResolutionMetadata.error", equalTo("notFound"));
        given().auth()
                .oauth2(agent)
                .get("/1.0/identifiers/not-a-did")
                .then()
                .statusCode(400)
                .body("didResolutionMetadata.error", equalTo("invalidDid"));
        given().auth()
                .oauth2(agent)
                .get("/1.0/identifiers/did:web:example.com")
                .then()
                .statusCode(501)
                .body("didResolutionMetadata.error", equalTo("methodNotSupported"));
    }

    @Test
    void resolutionNeedsAToken() {
        // Given no token
        // When a DID is resolved
        // Then the caller is told to authenticate
        given().get("/1.0/identifiers/did:sigil:demo-agent-low").then().statusCode(401);
    }
}
