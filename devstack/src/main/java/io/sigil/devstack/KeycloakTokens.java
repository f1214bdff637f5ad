package io.sigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Obtains real access tokens from the devstack's Keycloak, for tests and the demo. The demo clients and
 * users of the {@code sigil} realm have development secrets of the form {@code <id>-dev-secret} and
 * {@code <user>-dev-password}.
 */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String tokenEndpoint;

    public KeycloakTokens(String realmUrl) {
        this.tokenEndpoint = realmUrl + "/protocol/openid-connect/token";
    }

    public static String devSecret(String clientId) {
        return clientId + "-dev-secret";
    }

    public static String devPassword(String username) {
        return username + "-dev-password";
    }

    /** A client-credentials token for one of the realm's confidential clients. */
    public String clientCredentials(String clientId) {
        return clientCredentials(clientId, devSecret(clientId));
    }

    public String clientCredentials(String clientId, String secret) {
        return request(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret));
    }

    /** A password-grant token for a demo user, through the public {@code sigil-cli} client. */
    public String password(String username) {
        return request(Map.of(
                "grant_type", "password",
                "client_id", "sigil-cli",
                "username", username,
                "password", devPassword(username),
                "scope", "openid"));
    }

    /** A DPoP-bound client-credentials token for a secret client; the proof is made with {@code key}. */
    public String clientCredentials(String clientId, DpopKey key) {
        return request(
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", devSecret(clientId)),
                key);
    }

    /**
     * A client-credentials token for {@code demo-agent-signed}, which proves itself with a signed JWT
     * (private_key_jwt); DPoP-bound to {@code key} unless it is null.
     */
    public String signedClientCredentials(DpopKey key) {
        return request(signedClient(Map.of("grant_type", "client_credentials")), key);
    }

    /** A password-grant token for a demo user through {@code demo-agent-signed}; DPoP-bound unless key is null. */
    public String signedPassword(String username, DpopKey key) {
        return request(
                signedClient(Map.of(
                        "grant_type",
                        "password",
                        "username",
                        username,
                        "password",
                        devPassword(username),
                        "scope",
                        "openid")),
                key);
    }

    /**
     * RFC 8693 token exchange: {@code clientId} (a secret client, or {@code demo-agent-signed}) trades a person's
     * token for one it may use at the gateway on that person's behalf; DPoP-bound unless key is null.
     */
    public String exchange(String clientId, String subjectToken, DpopKey key) {
        Map<String, String> grant = Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "audience", "sigil-gateway");
        if (DemoClientKey.CLIENT_ID.equals(clientId)) {
            return request(signedClient(grant), key);
        }
        Map<String, String> form = new java.util.HashMap<>(grant);
        form.put("client_id", clientId);
        form.put("client_secret", devSecret(clientId));
        return request(form, key);
    }

    private Map<String, String> signedClient(Map<String, String> grant) {
        Map<String, String> form = new java.util.HashMap<>(grant);
        form.put("client_id", DemoClientKey.CLIENT_ID);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", DemoClientKey.forKeycloak(tokenEndpoint).clientAssertion(tokenEndpoint));
        return form;
    }

    private String request(Map<String, String> form) {
        return request(form, null);
    }

    private String request(Map<String, String> form, DpopKey key) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                request.header("DPoP", key.proof("POST", tokenEndpoint));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak refused the token request (" + response.statusCode() + "): "
                        + json.path("error").asText("?"));
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is unreachable at " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token", e);
        }
    }
}
