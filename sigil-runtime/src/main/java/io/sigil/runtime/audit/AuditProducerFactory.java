package io.sigil.runtime.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes the service's one audit producer, a plain Kafka producer: a call that waits for its audit ack waits for the
 * broker alone, not for a messaging layer's sending thread and acknowledgement chain as well.
 */
@ApplicationScoped
public class AuditProducerFactory {

    @Produces
    @Singleton
    Producer<String, String> auditProducer(AuditProducerConfig config) {
        Map<String, Object> settings = new HashMap<>(config.kafka());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(settings);
    }

    void close(@Disposes Producer<String, String> producer, AuditProducerConfig config) {
        // Closing flushes what is still buffered: a stopping service loses no event it has accepted.
        producer.close(config.closeTimeout());
    }
}
