package io.sigil.demo.tools;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/** {@code slow_echo}: waits up to {@value #MAX_DELAY_MS} ms without blocking a thread, then echoes, for timeout tests. */
public class SlowEchoTool {

    /** The longest delay a caller may ask for. */
    public static final int MAX_DELAY_MS = 5000;

    @Tool(
            name = "slow_echo",
            description = "Echoes the text back after a delay of at most 5000 ms.",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    Uni<ToolResponse> slowEcho(
            @ToolArg(name = "text", description = "Text to echo") String text,
            @ToolArg(name = "delay_ms", description = "Delay before answering, 0 to 5000 ms") int delayMs) {
        if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
            return Uni.createFrom()
                    .item(ToolResponse.error("delay_ms must be between 0 and " + MAX_DELAY_MS + ", got " + delayMs));
        }
        ToolResponse echo = ToolResponse.success(text == null ? "" : text);
        if (delayMs == 0) {
            return Uni.createFrom().item(echo);
        }
        return Uni.createFrom().item(echo).onItem().delayIt().by(Duration.ofMillis(delayMs));
    }
}
