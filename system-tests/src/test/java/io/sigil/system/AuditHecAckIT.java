package io.sigil.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.devstack.DevStackClient;
import io.sigil.devstack.StackProfile;
import io.sigil.devstack.StackState;
import io.sigil.soc.support.HecReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged audit-service's HEC feed with indexer acknowledgement and several batches in flight: a batch whose ack
 * never comes is sent again from its first record, in order, and every sealed record is acknowledged at least once.
 */
class AuditHecAckIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private PrivateAuditStore store;
    private HecReceiver hec;

    @AfterEach
    void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (hec != null) {
            hec.close();
        }
    }

    @Test
    void aLostAckResendsFromItsBatchAndEveryRecordIsAcknowledged() throws Exception {
        StackState stack = DevStackClient.ensureRunning(StackProfile.TEST);
        String token = "fake-hec-token-" + UUID.randomUUID();
        hec = new HecReceiver(token);
        hec.requireAcks();
        // The indexer loses the first batch it accepts: accepted (200, ackId 0), never acknowledged.
        hec.withholdAcksOfNext(1);
        store = new PrivateAuditStore(dir, stack, stack.kafkaBootstrap(), 1);
        for (int i = 0; i < 40; i++) {
            store.send("client:hec-ack", i);
        }
        store.startService(Map.of(
                "sigil.audit.feeds.soc-topic-enabled", "false",
                "sigil.audit.feeds.batch", "5",
                "sigil.audit.feeds.hec.enabled", "true",
                "sigil.audit.feeds.hec.url", hec.baseUrl().toString(),
                "sigil.audit.feeds.hec.token", token,
                "sigil.audit.feeds.hec.ack.enabled", "true",
                "sigil.audit.feeds.hec.ack.poll-interval", "50ms",
                "sigil.audit.feeds.hec.ack.timeout", "2s",
                "sigil.audit.feeds.hec.ack.max-in-flight", "4"));
        await().atMost(ARRIVAL).until(() -> store.sealed() == 40);

        Set<Long> sealed = new HashSet<>();
        for (long seq = 0; seq < 40; seq++) {
            sealed.add(seq);
        }
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(seqs(hec.acknowledgedEvents())).containsAll(sealed));
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(cursor()).isEqualTo(40L));

        List<HecReceiver.Request> requests = hec.requests();
        HecReceiver.Request lost = requests.stream()
                .filter(r -> Long.valueOf(0).equals(r.ackId()))
                .findFirst()
                .orElseThrow();
        List<Long> lostSeqs = seqs(lost.events());
        assertThat(lostSeqs).hasSizeLessThanOrEqualTo(5).first().isEqualTo(0L);
        // Requests of at most a batch each; the lost one's records went out again, starting with its first record.
        assertThat(requests).allSatisfy(r -> assertThat(r.events()).hasSizeLessThanOrEqualTo(5));
        HecReceiver.Request resent = requests.stream()
                .filter(r -> r != lost && seqs(r.events()).contains(0L))
                .findFirst()
                .orElseThrow();
        assertThat(seqs(resent.events())).isEqualTo(lostSeqs);
        // Several batches were in flight: others went out after the lost one, before its ack timed out.
        assertThat(requests.indexOf(resent)).isGreaterThanOrEqualTo(2);
        // Sent in order: within each pass, a request continues where the one before it ended.
        assertThat(seqs(resent.events()).get(0)).isZero();
        assertThat(Files.readString(store.logOf(1), StandardCharsets.UTF_8)).doesNotContain(token);
    }

    private long cursor() throws Exception {
        try (Connection connection = store.jdbc();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(
                        "select coalesce(sum(next_seq), 0) from audit_feed_cursor" + " where feed = 'hec'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Long> seqs(List<JsonNode> envelopes) {
        return envelopes.stream()
                .map(e -> e.path("event").path("sigil_chain").path("seq").asLong())
                .toList();
    }
}
