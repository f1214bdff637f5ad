package io.sigil.audit.feed;

import io.sigil.audit.config.AuditConfig;
import io.sigil.audit.store.StoredRecord;
import io.sigil.core.topics.SigilTopics;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.LedgerJson;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sealed Kafka feed: every sealed record with its chain fields on the SOC topic, keyed by chain so a
 * consumer sees each chain in order, and every checkpoint on the checkpoints topic.
 */
@ApplicationScoped
public class SocTopicFeed implements Feed {

    private final AuditConfig config;
    private final String bootstrap;
    private KafkaProducer<String, String> producer;

    public SocTopicFeed(AuditConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.bootstrap = bootstrap;
    }

    @Override
    public String name() {
        return "soc-topic";
    }

    @Override
    public boolean enabled() {
        return config.feeds().socTopicEnabled();
    }

    @Override
    public int deliver(List<StoredRecord> records) {
        List<ProducerRecord<String, String>> out = new ArrayList<>(records.size());
        for (StoredRecord record : records) {
            out.add(new ProducerRecord<>(
                    SigilTopics.AUDIT_SOC, record.sealed().chain(), SealedLine.of(record.sealed())));
        }
        return send(out) ? records.size() : 0;
    }

    /** Publishes a checkpoint; true once the broker has it. */
    public boolean publish(Checkpoint checkpoint) {
        return send(List.of(new ProducerRecord<>(
                SigilTopics.AUDIT_CHECKPOINTS,
                checkpoint.chain(),
                LedgerJson.toJson(checkpoint).toString())));
    }

    private boolean send(List<ProducerRecord<String, String>> records) {
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, String> record : records) {
                acks.add(producer().send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(15, TimeUnit.SECONDS);
            }
            return true;
        } catch (Exception notDelivered) {
            return false;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-soc-feed");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            // A round hands over up to feeds.batch records of ~2 KB at once: the default 16 KB batches split them
            // into ~8 records each, and the producer's work per batch (metrics, quotas, request building) with them.
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
