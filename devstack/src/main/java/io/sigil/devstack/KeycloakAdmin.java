package io.sigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The devstack Keycloak's admin API, for the few tests that must change the realm while it runs (such as a
 * group attribute that becomes a claim). The bootstrap admin's random password lives in the stack's state
 * directory, readable by its owner only.
 */
public final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String keycloakUrl;
    private final String password;

    private KeycloakAdmin(String keycloakUrl, String password) {
        this.keycloakUrl = keycloakUrl;
        this.password = password;
    }

    static void savePassword(StackProfile profile, String password) throws IOException {
        Path file = passwordFile(profile);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password);
    }

    /** The admin API of the stack whose Keycloak listens at this URL's port (a realm URL is fine). */
    public static KeycloakAdmin forKeycloak(String url) {
        URI uri = URI.create(url);
        for (StackProfile profile : StackProfile.values()) {
            if (profile.keycloakPort() == uri.getPort()) {
                try {
                    return new KeycloakAdmin(
                            uri.getScheme() + "://" + uri.getAuthority(), Files.readString(passwordFile(profile)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalArgumentException("no devstack profile runs Keycloak at " + url);
    }

    /** Sets one attribute of a group of the {@code sigil} realm, found by its name. */
    public void setGroupAttribute(String group, String attribute, String value) {
        String token = adminToken();
        String groups = keycloakUrl + "/admin/realms/" + StackState.REALM + "/groups";
        JsonNode found = send(
                HttpRequest.newBuilder(URI.create(
                                groups + "?exact=true&search=" + URLEncoder.encode(group, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                200);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("the realm has no group " + group);
        }
        String id = found.get(0).path("id").asText();
        ObjectNode representation = (ObjectNode) send(
                HttpRequest.newBuilder(URI.create(groups + "/" + id))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                200);
        representation.putObject("attributes").putArray(attribute).add(value);
        send(
                HttpRequest.newBuilder(URI.create(groups + "/" + id))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(representation.toString())),
                204);
    }

    /**
     * Creates a confidential agent client like the realm's demo agents: a service account with the agent role,
     * tokens for the gateway's audience, authenticated by its secret {@code <clientId>-dev-secret}.
     */
    public void createAgentClient(String clientId) {
        String token = adminToken();
        String realm = keycloakUrl + "/admin/realms/" + StackState.REALM;
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("secret", KeycloakTokens.devSecret(clientId))
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        ObjectNode audience = client.putArray("protocolMappers")
                .addObject()
                .put("name", "aud-sigil-gateway")
                .put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config")
                .put("included.client.audience", "sigil-gateway")
                .put("access.token.claim", "true")
                .put("id.token.claim", "false");
        ObjectNode auth = ((com.fasterxml.jackson.databind.node.ArrayNode) client.get("protocolMappers"))
                .addObject()
                .put("name", "sigil-client-auth")
                .put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-hardcoded-claim-mapper");
        auth.putObject("config")
                .put("claim.name", "sigil_client_auth")
                .put("claim.value", "client_secret")
                .put("jsonType.label", "String")
                .put("access.token.claim", "true");
        send(
                HttpRequest.newBuilder(URI.create(realm + "/clients"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(client.toString())),
                201);
        JsonNode created = send(
                HttpRequest.newBuilder(URI.create(
                                realm + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                200);
        String id = created.get(0).path("id").asText();
        JsonNode serviceAccount = send(
                HttpRequest.newBuilder(URI.create(realm + "/clients/" + id + "/service-account-user"))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                200);
        JsonNode role = send(
                HttpRequest.newBuilder(URI.create(realm + "/roles/agent"))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                200);
        send(
                HttpRequest.newBuilder(URI.create(
                                realm + "/users/" + serviceAccount.path("id").asText() + "/role-mappings/realm"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")),
                204);
    }

    /**
     * Rotates the {@code sigil} realm's signing key: a new generated RS256 key with a higher priority signs every
     * token from now on, while the old one stays published for the tokens it signed. Returns the new key's id.
     */
    public String rotateSigningKey() {
        String token = adminToken();
        String realm = keycloakUrl + "/admin/realms/" + StackState.REALM;
        String realmId = send(
                        HttpRequest.newBuilder(URI.create(realm))
                                .header("Authorization", "Bearer " + token)
                                .GET(),
                        200)
                .path("id")
                .asText();
        long priority = System.currentTimeMillis();
        ObjectNode component = JSON.createObjectNode()
                .put("name", "rotated-" + priority)
                .put("providerId", "rsa-generated")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add(String.valueOf(priority));
        config.putArray("keySize").add("2048");
        config.putArray("algorithm").add("RS256");
        config.putArray("active").add("true");
        config.putArray("enabled").add("true");
        send(
                HttpRequest.newBuilder(URI.create(realm + "/components"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(component.toString())),
                201);
        JsonNode keys = send(
                HttpRequest.newBuilder(URI.create(realm + "/keys"))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                200);
        for (JsonNode key : keys.path("keys")) {
            if (String.valueOf(priority).equals(key.path("providerPriority").asText())
                    || key.path("providerPriority").asLong() == priority) {
                return key.path("kid").asText();
            }
        }
        throw new IllegalStateException("the rotated key is not among the realm's keys");
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(
                        HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)),
                        200)
                .path("access_token")
                .asText();
    }

    private static JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path passwordFile(StackProfile profile) {
        return profile.stateDir().resolve("keys").resolve("keycloak-admin-password");
    }
}
