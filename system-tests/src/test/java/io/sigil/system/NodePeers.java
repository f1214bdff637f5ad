package io.sigil.system;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the pinned npm MCP peers that the build installed into {@code target/node}. */
final class NodePeers {

    private static final Path DIR = Path.of(System.getProperty("sigil.node.dir", "target/node"));

    private NodePeers() {}

    /** The result of one run: exit code and what it printed. */
    record Run(int exit, String stdout, String stderr) {}

    static Run run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path out = File.createTempFile("node-out", ".txt").toPath();
        Path err = File.createTempFile("node-err", ".txt").toPath();
        Process process = builder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Run(
                process.exitValue(),
                java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The absolute path of server-everything's entry script, for a gateway that starts it over stdio. */
    static String everythingScript() {
        return DIR.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js")
                .toAbsolutePath()
                .toString();
    }

    /** server-everything in Streamable HTTP mode, on loopback only, with no secrets in its environment. */
    static Process startEverything(int port, Path log) throws IOException {
        ProcessBuilder builder = builder(
                        "node",
                        "--require",
                        DIR.resolve("loopback-only.cjs").toString(),
                        DIR.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js")
                                .toString(),
                        "streamableHttp")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path);
        env.put("PORT", String.valueOf(port));
        return builder.start();
    }

    private static ProcessBuilder builder(String... command) {
        List<String> full = new ArrayList<>(List.of(command));
        return new ProcessBuilder(full)
                .directory(DIR.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
}
