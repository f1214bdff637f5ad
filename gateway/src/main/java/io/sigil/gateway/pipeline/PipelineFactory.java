package io.sigil.gateway.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the chain from the configured list of stage names. An unknown name fails start-up with the list
 * of known ones; a name may stand twice (e.g. audit before and after forwarding).
 */
public final class PipelineFactory {

    private final Map<String, StageFactory> factories = new LinkedHashMap<>();

    public PipelineFactory(Collection<StageFactory> available) {
        for (StageFactory factory : available) {
            if (factories.putIfAbsent(factory.name(), factory) != null) {
                throw new IllegalStateException("two stage factories are named " + factory.name());
            }
        }
    }

    public Pipeline build(List<String> names) {
        return build(names, StageTimer.NONE);
    }

    public Pipeline build(List<String> names, StageTimer timer) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("sigil.gateway.stages is empty: the gateway would decide nothing");
        }
        List<Stage> stages = new ArrayList<>();
        for (String name : names) {
            StageFactory factory = factories.get(name.trim());
            if (factory == null) {
                throw new IllegalArgumentException(
                        "unknown gateway stage '" + name + "'; known stages: " + String.join(", ", factories.keySet()));
            }
            stages.add(factory.create());
        }
        return new Pipeline(stages, timer);
    }
}
