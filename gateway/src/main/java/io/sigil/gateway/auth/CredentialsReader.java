package io.sigil.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.sigil.core.identity.TokenBinding;
import io.sigil.core.identity.TokenFacts;
import io.sigil.gateway.pipeline.Credentials;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the chain's {@link Credentials} from a token the mechanism has verified, including its binding: a
 * token with {@code cnf.jkt} only gets this far with a valid proof of its key, so it counts as DPoP-bound.
 */
public final class CredentialsReader {

    /** The string claims the stages and the envelope may look at. */
    private static final List<String> FORWARDED_CLAIMS =
            List.of("acr", "sigil_client_auth", "preferred_username", "azp");

    /** The identity attribute holding the credentials read once when the token was verified. */
    public static final String ATTRIBUTE = "io.sigil.gateway.credentials";

    private CredentialsReader() {}

    /**
     * The identity with its credentials read now and attached, so that a cached token is not read again on
     * every request; an identity without a JWT principal is returned as it is.
     */
    public static SecurityIdentity attach(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ATTRIBUTE, read(jwt, identity.getRoles()))
                .build();
    }

    /** The identity of a token the gateway verified: its realm and gateway-client roles, its credentials read. */
    public static SecurityIdentity identity(VerifiedJwt jwt, String gatewayClientId) {
        Set<String> roles = jwt.roles(gatewayClientId);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRoles(roles)
                .addAttribute(ATTRIBUTE, read(jwt, roles))
                .build();
    }

    /** The credentials of a verified identity: those attached at verification, else read from the token. */
    public static Credentials of(SecurityIdentity identity, JsonWebToken token) {
        Credentials attached = identity.getAttribute(ATTRIBUTE);
        return attached != null ? attached : read(token, identity.getRoles());
    }

    public static Credentials read(JsonWebToken token, Set<String> roles) {
        Map<String, Object> claims = new HashMap<>();
        for (String name : FORWARDED_CLAIMS) {
            String value = text(token.getClaim(name));
            if (value != null) {
                claims.put(name, value);
            }
        }
        String user = text(token.getClaim("preferred_username"));
        TokenFacts facts = new TokenFacts(
                Credentials.human(user),
                text(token.getClaim("acr")),
                strings(token.getClaim("amr")),
                instant(token.getClaim("auth_time")),
                text(token.getClaim("sigil_client_auth")),
                TokenBindings.dpopThumbprint(token).isPresent() ? TokenBinding.DPOP : TokenBinding.BEARER);
        return new Credentials(token.getSubject(), clientId(token), roles, claims, facts, actor(token));
    }

    /** The authorised party; {@code unknown} when the token names none, which the identity stage refuses. */
    public static String clientId(JsonWebToken token) {
        String azp = text(token.getClaim("azp"));
        return azp == null ? "unknown" : azp;
    }

    /** RFC 8693 §4.1: the current actor is the outermost {@code act}; nested ones are earlier actors. */
    private static Credentials.Actor actor(JsonWebToken token) {
        Object act = token.getClaim("act");
        String clientId;
        String subject;
        if (act instanceof JsonObject json) {
            clientId = text(json.get("client_id"));
            subject = text(json.get("sub"));
        } else if (act instanceof Map<?, ?> map) {
            clientId = text(map.get("client_id"));
            subject = text(map.get("sub"));
        } else if (act != null) {
            // An act claim of another shape still says someone else acts: it cannot be ignored.
            clientId = null;
            subject = null;
        } else {
            return null;
        }
        // An actor the registry cannot name is still an actor: "unknown" is refused, never ignored.
        return new Credentials.Actor(subject, clientId == null ? "unknown" : clientId);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonValue json) {
            return json.getValueType() == JsonValue.ValueType.NULL ? null : json.toString();
        }
        return value.toString();
    }

    private static List<String> strings(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> {
                if (item instanceof JsonString string) {
                    values.add(string.getString());
                }
            });
        } else if (value instanceof java.util.Collection<?> collection) {
            collection.forEach(item -> values.add(String.valueOf(item)));
        } else if (value != null) {
            values.add(text(value));
        }
        return values;
    }

    private static Instant instant(Object value) {
        if (value instanceof JsonNumber number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        if (value instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        return null;
    }
}
