package io.sigil.gateway.federation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The upstreams behind one gateway endpoint and how client-visible names map onto them. Tool and prompt names
 * carry their upstream's prefix when several upstreams are federated; resource URIs are never rewritten (they
 * are the upstream's identifiers), so reads go to the upstream that listed the URI or whose template matches it.
 */
public final class Federation implements AutoCloseable {

    /** Upstream names: letters, digits and hyphens, so that a prefix can never contain the separator. */
    public static final Pattern UPSTREAM_NAME = Pattern.compile("[A-Za-z0-9-]{1,40}");

    /** How many resource URIs and templates are remembered; beyond it a URI is read only through a template. */
    static final int MAX_REMEMBERED = 100_000;

    private final List<Member> members;
    private final Map<String, Member> resourceOwners = new ConcurrentHashMap<>();
    private final Map<String, Member> templateOwners = new ConcurrentHashMap<>();

    public Federation(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("sigil.gateway.upstreams names no upstream");
        }
        if (members.size() > 1
                && members.stream().anyMatch(member -> member.prefix().isEmpty())) {
            throw new IllegalArgumentException(
                    "several upstreams need namespaced names (sigil.gateway.federation.prefix-names)");
        }
        for (Member member : members) {
            if (!UPSTREAM_NAME.matcher(member.name()).matches()) {
                throw new IllegalArgumentException(
                        "upstream name '" + member.name() + "' must be 1 to 40 letters, digits or hyphens");
            }
        }
        this.members = List.copyOf(members);
    }

    public List<Member> members() {
        return members;
    }

    /** Whether one upstream answers everything, with names unchanged: requests then pass as they are. */
    public boolean passThrough() {
        return members.size() == 1 && members.get(0).prefix().isEmpty();
    }

    public Optional<Member> member(String name) {
        return members.stream().filter(member -> member.name().equals(name)).findFirst();
    }

    /** The upstream and local name behind a tool or prompt name a client used. */
    public Optional<Route> named(String exposed) {
        for (Member member : members) {
            Optional<String> local = member.local(exposed);
            if (local.isPresent()) {
                return Optional.of(new Route(member, local.get()));
            }
        }
        return Optional.empty();
    }

    /** The upstream that listed a resource URI, or whose URI template's fixed beginning it starts with. */
    public Optional<Member> resource(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        if (members.size() == 1) {
            return Optional.of(members.get(0));
        }
        Member owner = resourceOwners.get(uri);
        if (owner != null) {
            return Optional.of(owner);
        }
        return templateOwners.entrySet().stream()
                .filter(template -> !template.getKey().isEmpty() && uri.startsWith(template.getKey()))
                .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
                .map(Map.Entry::getValue);
    }

    /** Remembers which upstream listed a resource. */
    void listedResource(String uri, Member member) {
        // Bounded: an upstream listing without end must not grow the gateway's memory without end.
        // The first upstream to list a URI keeps it: another cannot take over reads of a URI by listing it too.
        if (resourceOwners.size() < MAX_REMEMBERED) {
            resourceOwners.putIfAbsent(uri, member);
        }
    }

    /** Remembers which upstream listed a resource template, by the template's part before its first variable. */
    void listedTemplate(String uriTemplate, Member member) {
        int variable = uriTemplate.indexOf('{');
        if (templateOwners.size() >= MAX_REMEMBERED) {
            return;
        }
        templateOwners.putIfAbsent(variable < 0 ? uriTemplate : uriTemplate.substring(0, variable), member);
    }

    @Override
    public void close() {
        members.forEach(member -> member.upstream().close());
    }
}
