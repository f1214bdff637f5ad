package io.sigil.identity.registry;

import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.RegisteredAgent;
import io.sigil.core.model.TrustLevel;
import io.sigil.identity.did.DidSyntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What makes a registration or a patch valid; every problem is a sentence naming the field, never its value. */
public final class AgentRules {

    static final int MAX_TEXT = 200;
    static final int MAX_UPSTREAMS = 100;

    private static final String TRUST_LEVELS =
            Arrays.stream(TrustLevel.values()).map(TrustLevel::wireName).collect(Collectors.joining(", "));

    private AgentRules() {}

    /** The problems of a registration request; empty when it is valid. */
    public static List<String> problems(NewAgent request, String reservedDid) {
        List<String> problems = new ArrayList<>();
        if (request == null) {
            problems.add("the request body must be an agent");
            return problems;
        }
        if (!DidSyntax.isSigilDid(request.did())) {
            problems.add("did must be of the form did:sigil:<id>, at most " + DidSyntax.MAX_LENGTH + " characters");
        } else if (request.did().equals(reservedDid)) {
            problems.add("did " + reservedDid + " is reserved for the registry itself");
        }
        text(problems, "client_id", request.clientId());
        text(problems, "owner", request.owner());
        upstreamProblems(problems, request.allowedUpstreams());
        if (!isTrustLevel(request.maxTrustLevel())) {
            problems.add("max_trust_level must be one of " + TRUST_LEVELS);
        }
        return problems;
    }

    /** The problems of a patch; empty when it is valid. */
    public static List<String> problems(AgentPatch patch) {
        List<String> problems = new ArrayList<>();
        if (patch == null || patch.isEmpty()) {
            problems.add("a patch must give at least one of owner, allowed_upstreams, max_trust_level");
            return problems;
        }
        if (patch.owner() != null) {
            text(problems, "owner", patch.owner());
        }
        upstreamProblems(problems, patch.allowedUpstreams());
        if (patch.maxTrustLevel() != null && !isTrustLevel(patch.maxTrustLevel())) {
            problems.add("max_trust_level must be one of " + TRUST_LEVELS);
        }
        return problems;
    }

    /** A valid request as a new, active agent at version 1. */
    public static RegisteredAgent toAgent(NewAgent request) {
        return new RegisteredAgent(
                request.did(),
                request.clientId().trim(),
                request.owner().trim(),
                upstreams(request.allowedUpstreams()),
                TrustLevel.fromWire(request.maxTrustLevel()),
                AgentStatus.ACTIVE,
                1,
                null,
                null);
    }

    /** Upstream names trimmed, duplicates dropped, in the order given. */
    static List<String> upstreams(List<String> names) {
        return names == null
                ? List.of()
                : List.copyOf(names.stream().map(String::trim).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static void upstreamProblems(List<String> problems, List<String> upstreams) {
        if (upstreams == null) {
            return;
        }
        if (upstreams.size() > MAX_UPSTREAMS) {
            problems.add("allowed_upstreams must list at most " + MAX_UPSTREAMS + " upstreams");
        }
        if (upstreams.stream().anyMatch(name -> name == null || name.isBlank() || name.length() > MAX_TEXT)) {
            problems.add(
                    "allowed_upstreams must not contain blank entries or entries over " + MAX_TEXT + " characters");
        }
    }

    private static void text(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " must not be blank");
        } else if (value.length() > MAX_TEXT) {
            problems.add(field + " must be at most " + MAX_TEXT + " characters");
        }
    }

    private static boolean isTrustLevel(String value) {
        return value != null
                && Arrays.stream(TrustLevel.values())
                        .anyMatch(level -> level.name().equals(value.trim().toUpperCase(Locale.ROOT)));
    }
}
