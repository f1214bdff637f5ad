package io.sigil.devstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortGuardTest {

    @Test
    void namesTheTakenPortAndWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortGuard.requireFree(port, "Kafka"))
                    .isInstanceOf(PortGuard.PortTakenException.class)
                    .hasMessageContaining("port " + port + " (Kafka) is already in use")
                    .hasMessageContaining("./sigil-mesh down");
        }
    }

    @Test
    void acceptsAFreePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int free = port;

        assertThatCode(() -> PortGuard.requireFree(free, "PostgreSQL")).doesNotThrowAnyException();
    }
}
