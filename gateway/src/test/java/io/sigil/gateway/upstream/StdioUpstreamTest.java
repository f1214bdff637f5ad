package io.sigil.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigil.core.mcp.JsonRpcError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real child process speaking MCP over stdio: the JDK runs a small fake server from source. */
class StdioUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final Path SERVER = Path.of("src/test/resources/stdio/FakeStdioServer.java");

    private final AtomicLong clock = new AtomicLong();
    private StdioUpstream upstream;

    @AfterEach
    void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }

    private StdioUpstream start(Duration backoff, Map<String, String> env) {
        StdioLaunch launch = new StdioLaunch(
                List.of(JAVA, SERVER.toString()),
                StdioLaunch.environment(List.of("PATH", "HOME"), env, System.getenv()),
                Optional.empty(),
                Optional.empty());
        upstream = new StdioUpstream(
                "fake",
                launch,
                Duration.ofSeconds(20),
                100_000,
                new StdioUpstream.Backoff(backoff, backoff.multipliedBy(8), Duration.ofMinutes(1), clock::get),
                JSON);
        return upstream;
    }

    private static ObjectNode call(String tool) {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "client-7");
        request.put("method", "tools/call")
                .putObject("params")
                .put("name", tool)
                .putObject("arguments");
        return request;
    }

    private static String text(ObjectNode answer) {
        return answer.path("result").path("content").path(0).path("text").asText();
    }

    private ObjectNode send(ObjectNode request) {
        return upstream.call(request).toCompletableFuture().join();
    }

    @Test
    void startsTheServerInitialisesItAndAnswersUnderTheCallersId() {
        start(Duration.ofSeconds(1), Map.of());

        ObjectNode answer = send(call("echo"));

        assertThat(answer.path("id").asText()).isEqualTo("client-7");
        assertThat(text(answer)).startsWith("echo ");
        ObjectNode list =
                JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 3).put("method", "tools/list");
        assertThat(send(list).path("result").path("tools").path(0).path("name").asText())
                .isEqualTo("echo");
    }

    @Test
    void progressReachesTheCallerUnderItsOwnTokenWhileTheServerSeesOnlyTheGatewaysToken() {
        start(Duration.ofSeconds(1), Map.of());
        ObjectNode request = call("progress");
        ((ObjectNode) request.get("params")).putObject("_meta").put("progressToken", "client-token");
        List<ObjectNode> relayed = new java.util.concurrent.CopyOnWriteArrayList<>();

        ObjectNode answer =
                upstream.call(request, relayed::add).toCompletableFuture().join();

        assertThat(text(answer)).startsWith("token gw-").doesNotContain("client-token");
        assertThat(relayed).hasSize(2).allSatisfy(notification -> {
            assertThat(notification.path("method").asText()).isEqualTo("notifications/progress");
            assertThat(notification.path("params").path("progressToken").asText())
                    .isEqualTo("client-token");
        });
        assertThat(relayed.get(1).path("params").path("progress").asInt()).isEqualTo(2);
        assertThat(request.path("params").path("_meta").path("progressToken").asText())
                .as("the caller's request is not changed")
                .isEqualTo("client-token");
    }

    @Test
    void notificationsOutsideAnyRequestGoToTheListenerButStrayProgressDoesNot() {
        start(Duration.ofSeconds(1), Map.of());
        List<ObjectNode> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        upstream.onNotification(notices::add);

        send(call("progress"));
        send(call("changed"));

        assertThat(notices)
                .extracting(notice -> notice.path("method").asText())
                .containsExactly("notifications/tools/list_changed");
    }

    @Test
    void aCallerThatCannotBeToldOfProgressDoesNotAskTheServerForIt() {
        start(Duration.ofSeconds(1), Map.of());
        ObjectNode request = call("progress");
        ((ObjectNode) request.get("params")).putObject("_meta").put("progressToken", "client-token");

        assertThat(text(send(request))).isEqualTo("token null");
    }

    @Test
    void theChildSeesOnlyTheAllowedAndConfiguredEnvironment() {
        start(Duration.ofSeconds(1), Map.of("FAKE_UPSTREAM_TOKEN", "generated-fake-value"));

        List<String> names = List.of(text(send(call("env"))).split(","));

        assertThat(names).contains("FAKE_UPSTREAM_TOKEN", "PATH").doesNotContain("JAVA_HOME", "MAVEN_OPTS", "USER");
    }

    @Test
    void aCrashFailsTheCallAndTheServerIsStartedAgainOnlyAfterTheBackoff() {
        start(Duration.ofSeconds(5), Map.of());
        String firstPid = text(send(call("pid")));

        // When the server exits in the middle of a call
        assertThatThrownBy(() -> send(call("crash")))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("exit code 3");

        // Then calls are refused at once during the back-off, and served by a new process after it
        assertThatThrownBy(() -> send(call("pid")))
                .cause()
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("started again in");
        clock.addAndGet(Duration.ofSeconds(6).toNanos());
        String secondPid = text(send(call("pid")));
        assertThat(secondPid).isNotEqualTo(firstPid);
        assertThat(ProcessHandle.of(Long.parseLong(firstPid)).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true));
    }

    @Test
    void anOverlongLineIsRefusedAndTheChildStopped() {
        start(Duration.ofSeconds(1), Map.of());
        String pid = text(send(call("pid")));

        assertThatThrownBy(() -> send(call("huge")))
                .cause()
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("more than 100000 bytes")
                .extracting(failure -> ((UpstreamException) failure).error())
                .isEqualTo(JsonRpcError.UPSTREAM_INVALID);
        assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true));
    }

    @Test
    void noiseOnStdoutIsSkippedAndRequestsFromTheServerAreRefused() {
        start(Duration.ofSeconds(1), Map.of());

        assertThat(text(send(call("noise")))).isEqualTo("after noise");
        assertThat(text(send(call("ask")))).isEqualTo("refused by the gateway");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutAndCloseStopsTheChild() {
        StdioLaunch launch =
                new StdioLaunch(List.of(JAVA, SERVER.toString()), Map.of(), Optional.empty(), Optional.empty());
        upstream = new StdioUpstream(
                "fake",
                launch,
                // Also the first call's bound, which includes the source launcher compiling the server (seconds
                // under load).
                Duration.ofSeconds(10),
                100_000,
                new StdioUpstream.Backoff(
                        Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1), clock::get),
                JSON);
        String pid = text(send(call("pid")));
        StdioUpstream quick = upstream;

        // The fake server keeps quiet for "silent"; the timeout is the upstream's
        long started = System.nanoTime();
        assertThatThrownBy(() -> send(call("silent")))
                .cause()
                .extracting(failure -> ((UpstreamException) failure).error())
                .isEqualTo(JsonRpcError.UPSTREAM_TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(text(send(call("cancelled"))))
                .as("the server was told that nobody waits for the answer any more")
                .matches("cancelled gw-\\d+");

        quick.close();
        assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true));
        assertThatThrownBy(() -> send(call("pid"))).cause().hasMessageContaining("shut down");
    }

    @Test
    void aCommandThatCannotStartIsUnavailable() {
        StdioLaunch launch = new StdioLaunch(
                List.of("/nonexistent/sigil-no-such-server"), Map.of(), Optional.empty(), Optional.empty());
        upstream = new StdioUpstream(
                "missing",
                launch,
                Duration.ofSeconds(2),
                1000,
                new StdioUpstream.Backoff(
                        Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1), clock::get),
                JSON);

        assertThatThrownBy(() -> send(call("echo")))
                .cause()
                .isInstanceOf(UpstreamException.class)
                .hasMessage("upstream missing could not be started");
    }
}
