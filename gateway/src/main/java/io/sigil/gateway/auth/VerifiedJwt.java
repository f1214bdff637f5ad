package io.sigil.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token the gateway verified itself, as a MicroProfile {@link JsonWebToken}: claims come back as plain Java
 * values (strings, longs, booleans, lists, maps), the audience and groups as sets, times as epoch seconds.
 */
public final class VerifiedJwt implements JsonWebToken {

    private static final Set<String> TIMES = Set.of("exp", "iat", "nbf", "auth_time", "updated_at");
    private static final Set<String> SETS = Set.of("aud", "groups");

    private final String raw;
    private final ObjectNode claims;

    VerifiedJwt(String raw, ObjectNode claims) {
        this.raw = raw;
        this.claims = claims;
    }

    /** The principal's name: {@code upn}, else {@code preferred_username}, else {@code sub}, as Quarkus names it. */
    @Override
    public String getName() {
        for (String claim : List.of("upn", "preferred_username", "sub")) {
            JsonNode value = claims.get(claim);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>();
        claims.fieldNames().forEachRemaining(names::add);
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (TIMES.contains(name) && value.isNumber()) {
            return (T) Long.valueOf(value.asLong());
        }
        if (SETS.contains(name)) {
            return (T) strings(value);
        }
        return (T) plain(value);
    }

    /** The realm roles ({@code realm_access.roles}) and the client roles of {@code clientId}. */
    Set<String> roles(String clientId) {
        Set<String> roles = new HashSet<>(strings(claims.path("realm_access").path("roles")));
        roles.addAll(strings(claims.path("resource_access").path(clientId).path("roles")));
        return roles;
    }

    private static Set<String> strings(JsonNode value) {
        Set<String> values = new HashSet<>();
        if (value.isTextual()) {
            values.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual()) {
                    values.add(item.asText());
                }
            });
        }
        return values;
    }

    private static Object plain(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.asLong() : value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>(value.size());
            value.forEach(item -> items.add(item.isNull() ? null : plain(item)));
            return Collections.unmodifiableList(items);
        }
        if (value.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), member.getValue().isNull() ? null : plain(member.getValue()));
            }
            return Collections.unmodifiableMap(members);
        }
        return null;
    }

    @Override
    public String toString() {
        // Never the raw token: principals end up in log lines.
        return "VerifiedJwt[sub=" + getSubject() + "]";
    }
}
