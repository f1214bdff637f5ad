package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.ledger.fixtures.ChainFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainLineParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlainLineParser parser = new PlainLineParser();

    @Test
    void readsTheWritersHeaderAndCheckpointsAsJacksonDoes() throws IOException {
        Random random = new Random(3);
        byte[] rootKey = new byte[32];
        random.nextBytes(rootKey);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        ChainFixture chain = ChainFixture.build("tenant-\u00fc\"\\", 20, 5, 1, rootKey, seed, random);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExportWriter writer = new ExportWriter(bytes, ExportHeader.of(-7, 3600))) {
            writer.writeCheckpoint(chain.checkpoint(20));
            writer.writeCheckpoint(chain.checkpoint(0));
            writer.writeCheckpoint(Checkpoint.unsigned(
                    "x", 1, new byte[32], 0, null, 3, chain.checkpoint(1).issuedAt()));
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(header(lines.get(0))).isEqualTo(ExportHeader.fromJson(JSON.readTree(lines.get(0))));
        assertThat(header(lines.get(0)).genesisEpoch()).isEqualTo(-7);
        for (String line : lines.subList(1, lines.size())) {
            assertThat(checkpoint(line)).as(line).isEqualTo(LedgerJson.checkpointFromJson(JSON.readTree(line)));
        }
        assertThat(checkpoint(lines.get(1))).isEqualTo(chain.checkpoint(20));
        assertThat(checkpoint(lines.get(3)).signature()).isNull();
    }

    @Test
    void leavesEveryOtherLineToJackson() {
        String good = "{\"type\":\"checkpoint\",\"chain\":\"a\",\"tree_size\":1,\"root\":\"00ff\",\"head_seq\":0,"
                + "\"head_mac\":null,\"epoch\":1,\"issued_at\":\"2026-11-24T00:00:00Z\",\"key_id\":null,\"signature\":null}";
        assertThat(checkpoint(good)).isNotNull();
        List<String> others = List.of(
                good.replace("\"type\":\"checkpoint\"", "\"type\":\"record\""),
                good.replace("\"tree_size\":1", "\"tree_size\":1.0"),
                good.replace("\"tree_size\":1", "\"tree_size\":\"1\""),
                good.replace("\"tree_size\":1", "\"tree_size\":99999999999999999999"),
                good.replace("\"head_mac\":null", "\"head_mac\":true"),
                good.replace("\"head_mac\":null", "\"head_mac\":7"),
                good.replace("\"key_id\":null", "\"key_id\":null,\"key_id\":\"k\""),
                good.replace("\"key_id\":null", "\"extra\":1"),
                good.replace("\"chain\":\"a\"", "\"chain\":\"\\ud800\""),
                good.replace("\"root\":\"00ff\"", "\"root\":\"0g\""),
                good.replace("\"issued_at\":\"2026-11-24T00:00:00Z\"", "\"issued_at\":\"yesterday\""),
                good.replace(",\"chain\":\"a\"", ""),
                good + " {}",
                good.replace("}", ""),
                "[" + good + "]");
        for (String line : others) {
            assertThat(checkpoint(line)).as(line).isNull();
        }
        assertThat(header("{\"type\":\"sigil-audit-export\",\"version\":2,\"genesis_epoch\":1,\"epoch_seconds\":1}"))
                .isNull();
        assertThat(header("{\"type\":\"sigil-audit-export\",\"version\":1,\"genesis_epoch\":1}"))
                .isNull();
        assertThat(header("{\"type\":\"checkpoint\",\"version\":1,\"genesis_epoch\":1,\"epoch_seconds\":1}"))
                .isNull();
    }

    private ExportHeader header(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.header(bytes, 0, bytes.length);
    }

    private Checkpoint checkpoint(String line) {
        // Inside a larger buffer, as the line reader hands it over.
        byte[] bytes = ("xx" + line + "\nyy").getBytes(StandardCharsets.UTF_8);
        return parser.checkpoint(bytes, 2, bytes.length - 3);
    }
}
