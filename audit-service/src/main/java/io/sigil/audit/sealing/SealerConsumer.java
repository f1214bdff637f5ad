package io.sigil.audit.sealing;

import io.sigil.audit.config.AuditConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The sealer's Kafka consumer settings: manual offsets, committed reads only, fetches sized for batches. */
final class SealerConsumer {

    private SealerConsumer() {}

    static Properties properties(AuditConfig.Sealer sealer, String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // The store holds the offsets, in the same transaction as the records.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(sealer.maxBatch()));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-sealer");
        // A backlog is read in large fetches: the default 1 MiB per partition left the sealer waiting on the broker.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        long linger = sealer.fetchLinger().toMillis();
        if (linger > 0) {
            props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(sealer.fetchMinBytes()));
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(linger));
        }
        return props;
    }
}
