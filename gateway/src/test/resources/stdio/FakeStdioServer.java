import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stdio MCP server for the gateway's unit tests, run with the JDK's source launcher. It understands just enough
 * JSON (by pattern) to answer initialize, tools/list and a few tools that misbehave on purpose.
 */
public class FakeStdioServer {

    private static final Pattern ID = Pattern.compile("\"id\":(\"[^\"]*\"|\\d+)");
    private static final Pattern METHOD = Pattern.compile("\"method\":\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]*)\"");
    private static String cancelled;
    private static final Pattern TOKEN = Pattern.compile("\"progressToken\":(\"[^\"]*\"|\\d+)");

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String id = find(ID, line);
            String method = find(METHOD, line);
            if (method == null) {
                if (line.contains("\"error\"") && line.contains("\"ask-1\"")) {
                    answer(pendingAsk, "{\"content\":[{\"type\":\"text\",\"text\":\"refused by the gateway\"}]}");
                }
                continue;
            }
            if (id == null) {
                if ("notifications/cancelled".equals(method)) {
                    cancelled = find(REQUEST_ID, line);
                }
                continue;
            }
            switch (method) {
                case "initialize" -> answer(id, "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{}},"
                        + "\"serverInfo\":{\"name\":\"fake-stdio\",\"version\":\"1\"}}");
                case "tools/list" -> answer(id, "{\"tools\":[{\"name\":\"echo\",\"description\":\"Echoes\","
                        + "\"inputSchema\":{\"type\":\"object\"}}]}");
                case "tools/call" -> call(id, find(NAME, line), line);
                default -> System.out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id
                        + ",\"error\":{\"code\":-32601,\"message\":\"no " + method + "\"}}");
            }
            System.out.flush();
        }
    }

    private static String pendingAsk;

    private static void call(String id, String tool, String line) {
        switch (tool) {
            case "echo" -> answer(id, text("echo " + line.length()));
            case "env" -> answer(id, text(String.join(",", new java.util.TreeSet<>(System.getenv().keySet()))));
            case "progress" -> {
                // Two steps under the token it was given, and one under a token nobody gave it.
                String token = find(TOKEN, line);
                for (int step = 1; token != null && step <= 2; step++) {
                    System.out.println("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
                            + "{\"progressToken\":" + token + ",\"progress\":" + step + ",\"total\":2}}");
                }
                System.out.println("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
                        + "{\"progressToken\":\"someone-else\",\"progress\":9}}");
                answer(id, text("token " + (token == null ? null : token.replace("\"", "")))); // no quotes inside the JSON text
            }
            case "changed" -> {
                System.out.println("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}");
                answer(id, text("changed"));
            }
            case "cancelled" -> answer(id, text("cancelled " + cancelled));
            case "pid" -> answer(id, text(Long.toString(ProcessHandle.current().pid())));
            case "crash" -> System.exit(3);
            case "silent" -> {}
            case "noise" -> {
                System.out.println("this is not JSON");
                answer(id, text("after noise"));
            }
            case "huge" -> System.out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"x\":\""
                    + "a".repeat(300_000) + "\"}}");
            case "ask" -> {
                pendingAsk = id;
                System.out.println("{\"jsonrpc\":\"2.0\",\"id\":\"ask-1\",\"method\":\"sampling/createMessage\","
                        + "\"params\":{}}");
            }
            default -> answer(id, text("unknown " + tool));
        }
    }

    private static String text(String text) {
        return "{\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
    }

    private static void answer(String id, String result) {
        System.out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}");
        System.out.flush();
    }

    private static String find(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? matcher.group(1) : null;
    }
}
