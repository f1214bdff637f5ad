package io.sigil.identity.startup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.identity.registry.NewAgent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The demo agents shipped in {@code seed/demo-agents.json}: one per demo client of the devstack realm. */
public final class DemoAgents {

    public static final String RESOURCE = "seed/demo-agents.json";

    private DemoAgents() {}

    public static List<NewAgent> load(ObjectMapper mapper) {
        try (InputStream in = DemoAgents.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return List.copyOf(mapper.readValue(in, new TypeReference<List<NewAgent>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
