package io.sigil.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** audit-service settings: the sealer, the chain keys, checkpoints and the SOC feeds. */
@ConfigMapping(prefix = "sigil.audit")
public interface AuditConfig {

    /** The append-only topic that is sealed. */
    @WithDefault("sigil.audit.events")
    String topic();

    /**
     * Whether the published development keys may stand in for an unset root key or signing seed. False by
     * default: a production audit store refuses to start without its own keys; devstack and tests set it.
     */
    @WithDefault("false")
    boolean allowDevelopmentKeys();

    Sealer sealer();

    Chain chain();

    Checkpoints checkpoints();

    Feeds feeds();

    /** The consumer loop that seals the topic. */
    interface Sealer {
        /** Most events sealed in one database transaction. */
        @WithDefault("2000")
        int maxBatch();

        @WithDefault("200ms")
        Duration pollTimeout();

        /**
         * How long the broker may hold a fetch until {@code fetch-min-bytes} have arrived: a stream then comes in
         * fewer, larger transactions, each of whose fixed costs (commit, chain head, checkpoint) is shared by more
         * events. Zero answers every fetch at once, with whatever has arrived. At 10,000 events/s, 100 ms took the
         * lag p99 from 1.4–1.8 s to 0.7–0.9 s (docs/benchmarks.md); a lone event waits at most this long more.
         */
        @WithDefault("100ms")
        Duration fetchLinger();

        /** The bytes a fetch waits for, at most {@code fetch-linger}. */
        @WithDefault("1048576")
        int fetchMinBytes();

        /** Longest pause between attempts while the database or the broker is away. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    /** The HMAC chain. */
    interface Chain {
        /**
         * Base64 of the 32-byte root key from which the epoch keys evolve. Needed at the first start (to derive
         * the genesis key) and by verifiers; the running sealer keeps only the current epoch's key.
         */
        Optional<String> rootKey();

        /**
         * The root key stays offline (with the SOC's verifier): the service starts without it once the chain's
         * genesis is sealed, and its REST verifier then checks sequence, links, digests and signed checkpoints but
         * not the MACs. Setting a root key as well is a contradiction and stops start-up.
         */
        @WithDefault("false")
        boolean rootKeyOffline();

        @WithDefault("60s")
        Duration epochLength();
    }

    /** Signed Merkle checkpoints. */
    interface Checkpoints {
        @WithDefault("1s")
        Duration interval();

        /** A checkpoint is also issued after this many new records, whatever the time. */
        @WithDefault("10000")
        int everyRecords();

        /** Base64 of the 32-byte Ed25519 seed that signs checkpoints. */
        Optional<String> signingSeed();
    }

    /** Deliveries of sealed events to the SOC. */
    interface Feeds {
        @WithDefault("200ms")
        Duration interval();

        @WithDefault("2000")
        int batch();

        /** The sealed Kafka feed (events with their chain fields) and the checkpoints topic. */
        @WithDefault("true")
        boolean socTopicEnabled();

        Syslog syslog();

        Hec hec();
    }

    /** Syslog (RFC 5424, CEF payload, octet counting) over TCP or TLS. */
    interface Syslog {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("6514")
        int port();

        /** TLS 1.2+ with hostname verification; false only for a loopback or otherwise protected link. */
        @WithDefault("true")
        boolean tls();

        /** PEM file of the CA that signs the receiver's certificate; the JDK's trust store when absent. */
        Optional<String> caFile();

        /** The HOSTNAME field of the messages. */
        @WithDefault("sigil-audit")
        String hostname();
    }

    /** Splunk HTTP Event Collector. */
    interface Hec {
        @WithDefault("false")
        boolean enabled();

        Optional<String> url();

        /** The HEC token: a credential, never logged. */
        Optional<String> token();

        @WithDefault("sigil-audit")
        String hostname();

        Ack ack();
    }

    /** HEC indexer acknowledgement: a batch counts as delivered only once the collector reports it indexed. */
    interface Ack {
        @WithDefault("false")
        boolean enabled();

        /** The channel, a GUID; a new random one at each start when absent (ackIds are numbered per channel). */
        Optional<String> channel();

        /** Pause before each request to the ack endpoint. */
        @WithDefault("1s")
        Duration pollInterval();

        /** A batch not acknowledged this long after it was sent is sent again. */
        @WithDefault("60s")
        Duration timeout();

        /** How many sent batches may await their ack at once; each batch is {@code feeds.batch} events at most. */
        @WithDefault("4")
        int maxInFlight();
    }
}
