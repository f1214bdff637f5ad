package io.sigil.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a {@link FakeUpstream} and points the gateway's only upstream at it. */
public final class FakeUpstreamResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeUpstream upstream;

    /** The running fake upstream, for the test to change its tools. */
    public static FakeUpstream upstream() {
        return upstream;
    }

    @Override
    public Map<String, String> start() {
        try {
            upstream = new FakeUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("sigil.gateway.upstreams.demo.url", upstream.url());
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
