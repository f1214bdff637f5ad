package io.sigil.devstack;

import java.util.List;
import java.util.Locale;

/**
 * The mesh's Quarkus processes with their fixed ports and their own PostgreSQL database and role. The ports are
 * the documented defaults of each service's configuration; tests add {@link #TEST_PORT_OFFSET}.
 */
public enum MeshService {
    GATEWAY("gateway", 8700, true),
    IDENTITY("identity-service", 8701, true),
    POLICY("policy-service", 8702, true),
    SCAN("scan-service", 8703, true),
    VAULT("vault-service", 8704, true),
    AUDIT("audit-service", 8705, true),
    DEMO_UPSTREAM("demo-upstream", 8710, false);

    public static final int TEST_PORT_OFFSET = 10000;

    private final String module;
    private final int port;
    private final boolean hasDatabase;

    MeshService(String module, int port, boolean hasDatabase) {
        this.module = module;
        this.port = port;
        this.hasDatabase = hasDatabase;
    }

    /** The Maven module, which is also the process's name. */
    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public int port(StackProfile profile) {
        return profile == StackProfile.TEST ? port + TEST_PORT_OFFSET : port;
    }

    /**
     * The JVM's heap flags. audit-service holds a polled batch while the previous one is written, and the consumer's
     * next fetch: in 256 MiB those outlived the young generation and forced full collections every few seconds
     * (docs/benchmarks.md, "The 5 s stall found").
     */
    public List<String> heapOptions() {
        return this == AUDIT ? List.of("-Xmx768m", "-Xmn384m") : List.of("-Xmx256m");
    }

    /** The demo upstream keeps no state; every SIGIL service owns a database. */
    public boolean hasDatabase() {
        return hasDatabase;
    }

    /** Each Quarkus service owns one database, named after it: {@code sigil_audit}. */
    public String database() {
        return "sigil_" + name().toLowerCase(Locale.ROOT);
    }

    public String dbUser() {
        return database();
    }

    /** A development-only password for the loopback devstack; production takes it from a secret store. */
    public String dbPassword() {
        return database() + "_dev";
    }
}
