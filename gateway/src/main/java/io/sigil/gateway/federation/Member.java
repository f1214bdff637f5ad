package io.sigil.gateway.federation;

import io.sigil.gateway.catalog.ToolCatalog;
import io.sigil.gateway.upstream.Upstream;
import java.util.Optional;

/**
 * One upstream behind the gateway: its session, its tool catalogue, and the prefix its tool and prompt names
 * carry towards clients (empty when names are not namespaced).
 */
public record Member(Upstream upstream, ToolCatalog catalog, String prefix) {

    public String name() {
        return upstream.name();
    }

    /** The name a client sees for one of this upstream's tools or prompts. */
    public String exposed(String local) {
        return prefix + local;
    }

    /** This upstream's own name for a name a client used, if the name is this upstream's. */
    public Optional<String> local(String exposed) {
        if (exposed == null || !exposed.startsWith(prefix) || exposed.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(exposed.substring(prefix.length()));
    }
}
