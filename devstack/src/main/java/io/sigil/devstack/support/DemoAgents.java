package io.sigil.devstack.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.identity.AgentStatus;
import io.sigil.core.identity.IdentityRecords;
import io.sigil.core.identity.TrustRules;
import io.sigil.core.model.TrustLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The realm's demo agents as identity-service registers them, for tests whose subject is not identity-service:
 * writes them and the default trust rules, in identity-service's wire form, to a test's own identities topic.
 */
public final class DemoAgents {

    /** The test stack's identities topic for gateway tests: the demo agents and default rules, nothing else. */
    public static final String TEST_TOPIC = "sigil.identities.test-demo";

    /** Each demo client and the registry's maximum trust for it. */
    public static final Map<String, TrustLevel> MAXIMUM = demoAgents();

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoAgents() {}

    private static Map<String, TrustLevel> demoAgents() {
        Map<String, TrustLevel> agents = new LinkedHashMap<>();
        agents.put("demo-agent-low", TrustLevel.LOW);
        agents.put("demo-agent-medium", TrustLevel.MEDIUM);
        agents.put("demo-agent-high", TrustLevel.HIGH);
        agents.put("demo-agent-short-lived", TrustLevel.MEDIUM);
        agents.put("demo-agent-signed", TrustLevel.HIGH);
        agents.put("demo-agent-not-yet-valid", TrustLevel.HIGH);
        agents.put("demo-agent-revocable", TrustLevel.HIGH);
        agents.put("sigil-cli", TrustLevel.HIGH);
        return agents;
    }

    /** Creates {@code topic} if needed and writes every demo agent, active, and the default trust rules. */
    public static void publish(String bootstrap, String topic) {
        Topics.createCompacted(bootstrap, topic);
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (Map.Entry<String, TrustLevel> agent : MAXIMUM.entrySet()) {
                send(
                        producer,
                        topic,
                        did(agent.getKey()),
                        agentJson(agent.getKey(), agent.getValue(), AgentStatus.ACTIVE, 1));
            }
            send(producer, topic, IdentityRecords.TRUST_RULES_KEY, JSON.writeValueAsString(TrustRules.defaults()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one demo agent in the given status; {@code version} must exceed what the topic holds to count. */
    public static void publish(String bootstrap, String topic, String clientId, AgentStatus status, long version) {
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            send(producer, topic, did(clientId), agentJson(clientId, MAXIMUM.get(clientId), status, version));
        }
    }

    public static String did(String clientId) {
        return IdentityRecords.DID_PREFIX + clientId;
    }

    private static String agentJson(String clientId, TrustLevel max, AgentStatus status, long version) {
        ObjectNode agent = JSON.createObjectNode()
                .put("did", did(clientId))
                .put("client_id", clientId)
                .put("owner", "sigil-demo")
                .put("max_trust_level", max.wireName())
                .put("status", status.wireName())
                .put("version", version)
                .put("created_at", Instant.EPOCH.toString())
                .put("updated_at", Instant.now().toString());
        agent.putArray("allowed_upstreams").add("demo");
        return agent.toString();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish " + key + " to " + topic, e);
        }
    }
}
