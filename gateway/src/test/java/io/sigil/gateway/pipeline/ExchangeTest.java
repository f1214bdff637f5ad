package io.sigil.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExchangeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void digestsTheSameArgumentsOnceAndOtherArgumentsAfresh() {
        ObjectNode request =
                mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call");
        JsonNode arguments = request.putObject("params").putObject("arguments").put("city", "Basel");
        Exchange exchange = new Exchange(request, new Credentials("sub", "client", null, null), "2025-06-18");
        AtomicInteger computed = new AtomicInteger();
        Function<JsonNode, Optional<String>> digest =
                node -> Optional.of("d" + computed.incrementAndGet() + ":" + node.toString());

        Optional<String> atAdmission = exchange.argumentsDigest(arguments, digest);
        Optional<String> atOutcome = exchange.argumentsDigest(arguments, digest);
        JsonNode replaced = mapper.createObjectNode().put("city", "Bern");
        Optional<String> ofReplaced = exchange.argumentsDigest(replaced, digest);

        assertThat(atAdmission).contains("d1:{\"city\":\"Basel\"}");
        assertThat(atOutcome).isEqualTo(atAdmission);
        assertThat(ofReplaced).contains("d2:{\"city\":\"Bern\"}");
        assertThat(computed).hasValue(2);
    }
}
