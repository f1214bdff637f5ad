package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.core.topics.SigilTopics;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import io.sigil.ledger.ChainMac;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.CheckpointVerifier;
import io.sigil.ledger.Hex;
import io.sigil.ledger.LedgerJson;
import io.sigil.soc.support.HecReceiver;
import io.sigil.soc.support.RsyslogInstallation;
import io.sigil.soc.support.RsyslogServer;
import io.sigil.soc.support.RsyslogServer.Listener;
import io.sigil.soc.support.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SOC receives every sealed record at least once, with its chain fields, on each feed: the real Debian
 * rsyslogd over TLS (RFC 5424 + CEF), a Splunk HEC receiver, and the sealed Kafka topic. Receivers that go
 * away or answer 503 get the records later; the HEC token never reaches the log.
 */
class AuditSocFeedIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final Pattern SD = Pattern.compile("chain=\"([^\"]+)\" seq=\"(\\d+)\"");

    @TempDir
    Path dir;

    private PrivateAuditStore store;
    private RsyslogServer rsyslog;
    private HecReceiver hec;

    @AfterEach
    void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (rsyslog != null) {
            rsyslog.close();
        }
        if (hec != null) {
            hec.close();
        }
    }

    @Test
    void everySealedRecordReachesSyslogHecAndTheSocTopicAtLeastOnce() throws Exception {
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        TestPki pki = TestPki.create(dir.resolve("pki"), "ip:127.0.0.1");
        rsyslog = new RsyslogServer(RsyslogInstallation.ensure(), dir.resolve("rsyslogd"), pki);
        rsyslog.start();
        String token = "fake-hec-token-" + UUID.randomUUID();
        hec = new HecReceiver(token);
        hec.failNext(3, 503, false);
        store = new PrivateAuditStore(dir, stack, stack.kafkaBootstrap(), 2);
        store.startService(Map.of(
                "sigil.audit.feeds.syslog.enabled",
                "true",
                "sigil.audit.feeds.syslog.host",
                "127.0.0.1",
                "sigil.audit.feeds.syslog.port",
                String.valueOf(rsyslog.port(Listener.TLS)),
                "sigil.audit.feeds.syslog.tls",
                "true",
                "sigil.audit.feeds.syslog.ca-file",
                pki.caPem().toString(),
                "sigil.audit.feeds.hec.enabled",
                "true",
                "sigil.audit.feeds.hec.url",
                hec.baseUrl().toString(),
                "sigil.audit.feeds.hec.token",
                token));

        // A first stream, with HEC answering 503 to the first requests
        for (int i = 0; i < 60; i++) {
            store.send("client:soc-feed", i);
        }
        await().atMost(ARRIVAL).until(() -> syslogSeqs().size() == 60);

        // rsyslog goes away while more events are sealed, then comes back
        rsyslog.stop();
        for (int i = 60; i < 90; i++) {
            store.send("client:soc-feed", i);
        }
        await().atMost(ARRIVAL).until(() -> store.sealed() == 90);
        Thread.sleep(1_000);
        rsyslog.start();

        Map<String, String> sealed = sealedMacs();
        assertThat(sealed).hasSize(90);
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(syslogSeqs()).isEqualTo(sealed.keySet()));
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(hecSeqs()).isEqualTo(sealed.keySet()));
        assertThat(hec.requests().stream().filter(r -> r.status() == 503)).hasSize(3);
        assertThat(hec.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Splunk " + token));
        // Each HEC event carries the seal a SIEM needs to re-compute the chain.
        for (JsonNode event : hec.processedEvents()) {
            JsonNode chain = event.path("event").path("sigil_chain");
            String key = chain.path("chain").asText() + "/" + chain.path("seq").asLong();
            assertThat(chain.path("mac").asText()).isEqualTo(sealed.get(key));
        }
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(socTopic(sealed.size())).containsAllEntriesOf(sealed));

        assertThat(Files.readString(store.logOf(1), StandardCharsets.UTF_8)).doesNotContain(token);

        // The signed checkpoints are on their topic too, verifiable with the published key.
        byte[] publicKey = Base64.getUrlDecoder()
                .decode(store.get("/api/audit/ledger/public-key").path("x").asText());
        await().atMost(ARRIVAL).untilAsserted(() -> {
            List<Checkpoint> published = checkpoints();
            assertThat(published).isNotEmpty();
            assertThat(published).allSatisfy(c -> assertThat(CheckpointVerifier.verify(c, publicKey))
                    .isTrue());
            long covered = published.stream()
                    .collect(java.util.stream.Collectors.toMap(Checkpoint::chain, Checkpoint::treeSize, Math::max))
                    .values()
                    .stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(covered).isEqualTo(sealed.size());
        });
    }

    /** The checkpoints of this test's chains on the checkpoints topic. */
    private List<Checkpoint> checkpoints() throws Exception {
        List<Checkpoint> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, store.bootstrap()),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(SigilTopics.AUDIT_CHECKPOINTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(store.topic())) {
                        found.add(LedgerJson.checkpointFromJson(PrivateAuditStore.JSON.readTree(record.value())));
                    }
                }
            }
        }
        return found;
    }

    private Set<String> syslogSeqs() {
        Set<String> seen = new HashSet<>();
        for (String message : rsyslog.received(Listener.TLS)) {
            Matcher sd = SD.matcher(message);
            if (sd.find() && sd.group(1).startsWith(store.topic())) {
                seen.add(sd.group(1) + "/" + sd.group(2));
            }
        }
        return seen;
    }

    private Set<String> hecSeqs() {
        Set<String> seen = new HashSet<>();
        for (JsonNode event : hec.processedEvents()) {
            JsonNode chain = event.path("event").path("sigil_chain");
            seen.add(chain.path("chain").asText() + "/" + chain.path("seq").asLong());
        }
        return seen;
    }

    private Map<String, String> sealedMacs() throws Exception {
        Map<String, String> macs = new HashMap<>();
        try (Connection connection = store.jdbc();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select chain, seq, mac from audit_record")) {
            while (rows.next()) {
                macs.put(rows.getString(1) + "/" + rows.getLong(2), Hex.encode(rows.getBytes(3)));
            }
        }
        return macs;
    }

    /** Chain/seq → mac as published on the sealed SOC topic, for this test's chains. */
    private Map<String, String> socTopic(int expected) throws Exception {
        Map<String, String> macs = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, store.bootstrap()),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(SigilTopics.AUDIT_SOC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 20_000;
            while (macs.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(store.topic())) {
                        JsonNode sealed = PrivateAuditStore.JSON.readTree(record.value());
                        assertThat(Hex.encode(ChainMac.sha256(
                                        sealed.path("event").asText().getBytes(StandardCharsets.UTF_8))))
                                .isEqualTo(sealed.path("event_sha256").asText());
                        macs.put(
                                sealed.path("chain").asText() + "/"
                                        + sealed.path("seq").asLong(),
                                sealed.path("mac").asText());
                    }
                }
            }
        }
        return macs;
    }
}
