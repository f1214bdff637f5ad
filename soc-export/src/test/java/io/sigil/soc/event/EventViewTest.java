package io.sigil.soc.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.soc.SealedEvent;
import io.sigil.soc.support.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading OCSF event JSON forgivingly, and the severity policy on top of it. */
class EventViewTest {

    private static EventView view(String json) {
        return EventView.of(TestEvents.sealed("c", 1, json));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "\"2025-01-02T03:04:05.678Z\"; 2025-01-02T03:04:05.678Z",
                "\"2025-01-02T04:04:05.678+01:00\"; 2025-01-02T03:04:05.678Z",
                "1735787045; 2025-01-02T03:04:05Z",
                "1735787045.678; 2025-01-02T03:04:05.678Z",
                "\"1735787045.678\"; 2025-01-02T03:04:05.678Z",
                "1735787045678; 2025-01-02T03:04:05.678Z"
            })
    void readsIsoTextAndEpochNumbers(String time, String expected) {
        assertThat(view("{\"time\":" + time + "}").time()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"yesterday\"",
                "true",
                "{}",
                "null",
                "1e400",
                "-99999999999999999999",
                "\"+99999-01-01T00:00:00Z\""
            })
    void unreadableOrUnrepresentableTimeFallsBackToSealedAt(String time) {
        assertThat(view("{\"time\":" + time + "}").time()).isEqualTo(TestEvents.SEALED_AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "\"text\"", "{\"a\":1} trailing", "{\"a\":", "null"})
    void anythingButOneJsonObjectIsMalformed(String json) {
        EventView v = view(json);
        assertThat(v.isMalformed()).isTrue();
        assertThat(v.text("actor")).isEmpty();
        assertThat(v.classUid()).isEmpty();
        assertThat(v.time()).isEqualTo(TestEvents.SEALED_AT);
    }

    @Test
    void nullEventTextIsMalformedNotAnError() {
        EventView v = EventView.of(new SealedEvent("c", 1, 0, "ab", null, TestEvents.SEALED_AT, null));
        assertThat(v.isMalformed()).isTrue();
        assertThat(v.sealed().prevMac()).isEmpty();
    }

    @Test
    void fieldsReadForgivingly() {
        EventView v = view("{\"class_uid\":\"3002\",\"actor\":{\"user\":\"u1\"},\"outcome\":null,\"attributes\":"
                + "{\"n\":1,\"s\":\"x\"},\"source\":7}");
        assertThat(v.isMalformed()).isFalse();
        assertThat(v.classUid()).hasValue(3002);
        assertThat(v.eventClass()).contains(EventClass.AUTHENTICATION);
        assertThat(v.text("actor")).contains("{\"user\":\"u1\"}");
        assertThat(v.text("outcome")).isEmpty();
        assertThat(v.text("missing")).isEmpty();
        assertThat(v.text("source")).contains("7");
        assertThat(v.attributesJson()).contains("{\"n\":1,\"s\":\"x\"}");
    }

    @Test
    void unknownClassHasNoEventClass() {
        assertThat(view("{\"class_uid\":9999}").eventClass()).isEmpty();
        assertThat(view("{\"class_uid\":\"x\"}").classUid()).isEmpty();
        assertThat(view("{\"class_uid\":1.5}").classUid()).isEmpty();
    }

    @Test
    void objectIsACopy() {
        EventView v = view("{\"a\":1}");
        v.object().orElseThrow().put("a", 2);
        assertThat(v.object().orElseThrow().get("a").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "6003, success, LOW",
        "6003, failure, MEDIUM",
        "6003, denied, HIGH",
        "3002, failure, HIGH",
        "3002, success, LOW",
        "3003, Denied, HIGH",
        "2004, success, VERY_HIGH",
        "6003, weird, MEDIUM"
    })
    void severityFollowsOutcomeAndClass(int classUid, String outcome, Severity expected) {
        assertThat(Severity.of(view("{\"class_uid\":" + classUid + ",\"outcome\":\"" + outcome + "\"}")))
                .isEqualTo(expected);
    }

    @Test
    void malformedAndOutcomelessEventsAreMedium() {
        assertThat(Severity.of(view("garbage"))).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.of(view("{}"))).isEqualTo(Severity.MEDIUM);
    }
}
