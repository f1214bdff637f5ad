package io.sigil.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode request() throws Exception {
        return (ObjectNode) JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"t\",\"_meta\":{\"progressToken\":42}}}");
    }

    @Test
    void onlyTheMethodAndParamsOfANoticeTravelUnderTheCallersToken() throws Exception {
        List<ObjectNode> relayed = new ArrayList<>();
        ProgressRelay.Prepared prepared = ProgressRelay.prepare(request(), "gw-7", relayed::add);
        assertThat(prepared.request().at("/params/_meta/progressToken").asText())
                .isEqualTo("gw-7");
        ObjectNode notice = (ObjectNode) JSON.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                + "\"params\":{\"progressToken\":\"gw-7\",\"progress\":1},\"x\":\"smuggled beside the params\"}");

        assertThat(prepared.relay().relay(notice, 100)).isTrue();

        assertThat(relayed).singleElement().satisfies(sent -> {
            assertThat(sent.toString()).doesNotContain("smuggled");
            assertThat(sent.at("/params/progressToken").asInt()).isEqualTo(42);
            assertThat(sent.at("/params/progress").asInt()).isEqualTo(1);
        });
    }

    @Test
    void noticesBeyondTheByteBudgetAreDropped() throws Exception {
        List<ObjectNode> relayed = new ArrayList<>();
        ProgressRelay relay =
                ProgressRelay.prepare(request(), "gw-7", relayed::add).relay();
        ObjectNode notice = (ObjectNode) JSON.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                + "\"params\":{\"progressToken\":\"gw-7\",\"progress\":1}}");
        int big = (int) (ProgressRelay.MAX_BYTES / 2);

        assertThat(relay.relay(notice, big)).isTrue();
        assertThat(relay.relay(notice, big)).isTrue();
        assertThat(relay.relay(notice, 1)).isFalse();

        assertThat(relayed).hasSize(2);
    }
}
