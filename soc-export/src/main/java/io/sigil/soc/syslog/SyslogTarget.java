package io.sigil.soc.syslog;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Where and how a syslog sender connects: plain TCP, or TLS when an SSLContext (its trust) is given. */
public record SyslogTarget(
        String host,
        int port,
        Optional<SSLContext> tls,
        Duration connectTimeout,
        Duration ioTimeout,
        Confirmation confirmation) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(10);

    public SyslogTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(ioTimeout, "ioTimeout");
        Objects.requireNonNull(confirmation, "confirmation");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    public static SyslogTarget tcp(String host, int port) {
        return new SyslogTarget(
                host, port, Optional.empty(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_IO_TIMEOUT, Confirmation.PEER_CLOSE);
    }

    public static SyslogTarget tls(String host, int port, SSLContext trust) {
        return new SyslogTarget(
                host, port, Optional.of(trust), DEFAULT_CONNECT_TIMEOUT, DEFAULT_IO_TIMEOUT, Confirmation.PEER_CLOSE);
    }

    public SyslogTarget withTimeouts(Duration connect, Duration io) {
        return new SyslogTarget(host, port, tls, connect, io, confirmation);
    }

    public SyslogTarget withConfirmation(Confirmation mode) {
        return new SyslogTarget(host, port, tls, connectTimeout, ioTimeout, mode);
    }

    @Override
    public String toString() {
        return (tls.isPresent() ? "tls://" : "tcp://") + host + ":" + port + " (" + confirmation + ")";
    }
}
