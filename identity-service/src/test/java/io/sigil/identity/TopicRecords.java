package io.sigil.identity;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.exception.JsonPathException;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the real topics from the beginning until a record matches: the tests' view of what was published. */
final class TopicRecords {

    private TopicRecords() {}

    /** The first record under {@code key} (any key when null) whose JSON value matches; fails after 30 s. */
    static ConsumerRecord<String, String> await(
            KafkaCompanion kafka, String topic, String key, Predicate<JsonPath> match) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .fromTopics(topic, records -> records.filter(r -> key == null || key.equals(r.key()))
                        .filter(r -> matches(r.value(), match))
                        .select()
                        .first());
        try (task) {
            task.awaitCompletion(Duration.ofSeconds(30));
            return task.getFirstRecord();
        }
    }

    /**
     * Whether a value is JSON that matches. The audit topic takes any value (audit-service seals even garbage,
     * and its tests write some to the broker the test stack shares), so a value that is no JSON matches nothing.
     */
    private static boolean matches(String value, Predicate<JsonPath> match) {
        if (value == null) {
            return false;
        }
        try {
            return match.test(JsonPath.from(value));
        } catch (JsonPathException notJson) {
            return false;
        }
    }
}
