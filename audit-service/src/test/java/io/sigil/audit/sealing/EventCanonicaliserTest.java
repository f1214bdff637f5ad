package io.sigil.audit.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCanonicaliserTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventCanonicaliser canonicaliser = new EventCanonicaliser(mapper);

    @Test
    void sealsTheCanonicalFormAndExtractsTheFacts() throws Exception {
        CanonicalEvent event = canonicaliser.canonicalise(
                "gateway",
                "{ \"time\": 1763892000.250, \"audit_id\": \"a-1\", \"class_uid\": 6003, \"actor\": \"client:x\","
                        + " \"outcome\": \"denied\", \"attributes\": {\"tool\": \"drop_table\"} }");

        assertThat(event.canonical())
                .isEqualTo("{\"actor\":\"client:x\",\"attributes\":{\"tool\":\"drop_table\"},\"audit_id\":\"a-1\","
                        + "\"class_uid\":6003,\"outcome\":\"denied\",\"time\":1763892000.25}");
        assertThat(event.facts().wellFormed()).isTrue();
        assertThat(event.facts().eventTime()).isEqualTo(Instant.parse("2025-11-23T10:00:00.250Z"));
        assertThat(event.facts().tool()).isEqualTo("drop_table");
        assertThat(event.facts().classUid()).isEqualTo(6003);
    }

    @Test
    void aValueThatIsNoEventIsSealedWrappedAndFlagged() throws Exception {
        CanonicalEvent event = canonicaliser.canonicalise("intruder", "[1,2");

        assertThat(event.facts().wellFormed()).isFalse();
        assertThat(event.facts().source()).isEqualTo("intruder");
        assertThat(mapper.readTree(event.canonical())
                        .path("sigil_malformed")
                        .path("raw")
                        .asText())
                .isEqualTo("[1,2");
    }

    @Test
    void factsThatPostgresCouldNotIndexAreMadeStorableWhileTheSealedEventStaysWhole() throws Exception {
        String huge = "a".repeat(10_000);
        CanonicalEvent event = canonicaliser.canonicalise(
                "gateway",
                "{\"audit_id\":\"a-2\",\"actor\":\"bad\\u0000actor\",\"attributes\":{\"tool\":\"" + huge + "\"}}");

        assertThat(event.facts().actor()).isEqualTo("bad\uFFFDactor");
        assertThat(event.facts().tool()).hasSize(EventCanonicaliser.MAX_FACT);
        assertThat(event.canonical()).contains("bad\\u0000actor").contains(huge);
    }

    @Test
    void aTimeBeyondWhatPostgresStoresIsNoFactButTheEventIsSealedWhole() {
        for (String time : List.of("1e300", "-1e20", "\"+1000000000-01-01T00:00:00Z\"")) {
            CanonicalEvent event =
                    canonicaliser.canonicalise("gateway", "{\"audit_id\":\"a-3\",\"time\":" + time + "}");

            assertThat(event.facts().wellFormed()).isTrue();
            assertThat(event.facts().eventTime()).isNull();
        }
    }

    @Test
    void anUnreadableTimeMakesTheValueFlaggedNotAnException() {
        CanonicalEvent event = canonicaliser.canonicalise("gateway", "{\"audit_id\":\"a-4\",\"time\":\"yesterday\"}");

        assertThat(event.facts().wellFormed()).isFalse();
        assertThat(event.canonical()).contains("yesterday");
    }
}
