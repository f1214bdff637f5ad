package io.sigil.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseSplitterTest {

    private final List<String> events = new ArrayList<>();
    private final SseSplitter splitter = new SseSplitter(events::add);

    private void feed(String text) {
        splitter.feed(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handsOnEachEventAsSoonAsItsBlankLineArrives() {
        feed("event: message\ndata: {\"a\":1}\n");
        assertThat(events).isEmpty();

        feed("\nevent: message\ndata: {\"b\":");
        assertThat(events).containsExactly("{\"a\":1}");

        feed("2}\r\n\r\ndata: {\"c\":3}\n\n");
        assertThat(events).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    }

    @Test
    void findsABlankLineSplitAcrossChunksAndJoinsMultiLineData() {
        feed("data: first\ndata: second\r\n\r");
        assertThat(events).isEmpty();

        feed("\n: a comment\n\n");

        assertThat(events).containsExactly("first\nsecond");
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossChunksWhole() {
        byte[] bytes = "data: Grüße\n\n".getBytes(StandardCharsets.UTF_8);
        int cut = "data: Gr".length() + 1; // inside the two bytes of the ü
        splitter.feed(java.util.Arrays.copyOfRange(bytes, 0, cut));
        splitter.feed(java.util.Arrays.copyOfRange(bytes, cut, bytes.length));

        assertThat(events).containsExactly("Grüße");
    }
}
