package io.sigil.audit.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.audit.config.AuditConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class SealerConsumerTest {

    @Test
    void aLingerMakesTheBrokerHoldFetchesUntilEnoughHasArrived() {
        Properties props = SealerConsumer.properties(sealer(Duration.ofMillis(100), 1 << 20), "127.0.0.1:9092");

        assertThat(props)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100")
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void noLingerLeavesKafkasAnswerAtOnce() {
        Properties props = SealerConsumer.properties(sealer(Duration.ZERO, 1 << 20), "127.0.0.1:9092");

        assertThat(props)
                .doesNotContainKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)
                .doesNotContainKey(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
    }

    private static AuditConfig.Sealer sealer(Duration linger, int minBytes) {
        return new AuditConfig.Sealer() {
            @Override
            public int maxBatch() {
                return 2000;
            }

            @Override
            public Duration pollTimeout() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration fetchLinger() {
                return linger;
            }

            @Override
            public int fetchMinBytes() {
                return minBytes;
            }
        };
    }
}
