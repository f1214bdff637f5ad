package io.sigil.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The gateway in front of a {@link FakeUpstream} instead of the closed port the other tests use. */
public final class FakeUpstreamProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeUpstreamResource.class));
    }
}
