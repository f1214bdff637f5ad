package io.sigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeshServiceTest {

    @Test
    void auditServiceGetsAHeapWhoseYoungGenerationHoldsTheBatchesInFlight() {
        assertThat(MeshService.AUDIT.heapOptions()).containsExactly("-Xmx768m", "-Xmn384m");
    }

    @Test
    void theOtherServicesKeepTheSmallHeap() {
        for (MeshService service : MeshService.values()) {
            if (service != MeshService.AUDIT) {
                assertThat(service.heapOptions()).as(service.module()).containsExactly("-Xmx256m");
            }
        }
    }
}
