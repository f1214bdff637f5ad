package io.sigil.devstack.support;

import io.sigil.core.topics.SigilTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the mesh's topics with the retention each needs: compacted state, append-only audit. */
public final class Topics {

    private Topics() {}

    /** A compacted topic of the identities' kind under another name, e.g. a test's private replica source. */
    public static void createCompacted(String bootstrap, String name) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topic " + name + " within 30 s", e);
        }
    }

    public static void create(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : SigilTopics.COMPACTED) {
                topics.add(new NewTopic(name, 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")));
            }
            for (String name : SigilTopics.APPEND_ONLY) {
                topics.add(new NewTopic(name, SigilTopics.AUDIT_EVENTS.equals(name) ? 3 : 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1")));
            }
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the mesh topics within 30 s", e);
        }
    }
}
