package io.sigil.soc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Debian rsyslog, fetched without root: {@code apt-get download} of the packages into a cache, {@code
 * dpkg-deb -x} into a private tree, then {@code ldd} proves nothing is missing. Reruns reuse the extracted tree.
 */
public final class RsyslogInstallation {

    /** rsyslog, its TLS driver, and the two libraries a stock Debian 12 image lacks (found with ldd). */
    public static final List<String> PACKAGES = List.of("rsyslog", "rsyslog-openssl", "libestr0", "libfastjson4");

    private static final String MARKER = ".complete";
    private static final List<String> NEEDED_MODULES =
            List.of("imtcp.so", "lmnsd_ptcp.so", "lmnsd_ossl.so", "lmnetstrms.so", "lmtcpsrv.so", "lmnet.so");

    /** Where the extracted rsyslog lives. */
    public record Installed(Path root, Path rsyslogd, Path moduleDir, Path libDir, String versions) {

        /** The environment rsyslogd needs to find the extracted libraries. */
        public Map<String, String> environment() {
            return Map.of("LD_LIBRARY_PATH", libDir.toString());
        }
    }

    private static Installed cached;

    private RsyslogInstallation() {}

    /** The cache: {@code -Dsigil.rsyslog.cache}, else ~/.cache/sigil-mesh/rsyslog, which survives mvn clean. */
    public static Path cacheDir() {
        String configured = System.getProperty("sigil.rsyslog.cache");
        return configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "sigil-mesh", "rsyslog");
    }

    /** The installation, fetched on first use; throws with a one-line reason when that is impossible. */
    public static synchronized Installed ensure() {
        if (cached == null) {
            try {
                cached = install(cacheDir());
            } catch (IOException e) {
                throw new IllegalStateException("cannot provide rsyslog: " + oneLine(e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching rsyslog", e);
            }
        }
        return cached;
    }

    private static Installed install(Path cache) throws IOException, InterruptedException {
        Path root = cache.resolve("root");
        if (Files.exists(root.resolve(MARKER))) {
            return verified(root);
        }
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, "fetch-");
        try {
            Path debs = Files.createDirectories(staging.resolve("debs"));
            List<String> download = new ArrayList<>(List.of("apt-get", "download", "-q"));
            download.addAll(PACKAGES);
            run(debs, Map.of(), 300, download);
            List<Path> files;
            try (Stream<Path> list = Files.list(debs)) {
                files = list.filter(p -> p.toString().endsWith(".deb")).sorted().collect(Collectors.toList());
            }
            if (files.size() != PACKAGES.size()) {
                throw new IOException("apt-get download left " + files.size() + " .deb files, expected "
                        + PACKAGES.size() + " for " + PACKAGES);
            }
            Path tree = staging.resolve("root");
            StringBuilder versions = new StringBuilder();
            for (Path deb : files) {
                run(staging, Map.of(), 120, List.of("dpkg-deb", "-x", deb.toString(), tree.toString()));
                versions.append(deb.getFileName()).append('\n');
            }
            verified(tree);
            Files.writeString(tree.resolve(MARKER), versions.toString(), StandardCharsets.UTF_8);
            publish(tree, root);
            return verified(root);
        } finally {
            deleteTree(staging);
        }
    }

    // A concurrent build may have published first; either tree is complete, so keep whichever is there.
    private static void publish(Path tree, Path root) throws IOException {
        if (Files.exists(root) && !Files.exists(root.resolve(MARKER))) {
            deleteTree(root);
        }
        try {
            Files.move(tree, root, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            if (!Files.exists(root.resolve(MARKER))) {
                throw e;
            }
        }
    }

    private static Installed verified(Path root) throws IOException, InterruptedException {
        Path rsyslogd = root.resolve("usr/sbin/rsyslogd");
        if (!Files.isExecutable(rsyslogd)) {
            throw new IOException("no executable usr/sbin/rsyslogd in " + root);
        }
        Path moduleDir;
        // usr/lib/<multiarch>/rsyslog holds the modules; usr/lib/rsyslog only a logrotate helper.
        try (Stream<Path> modules = Files.find(
                root.resolve("usr/lib"), 3, (p, a) -> p.getFileName().toString().equals("imtcp.so"))) {
            moduleDir = modules.findFirst()
                    .map(Path::getParent)
                    .orElseThrow(() -> new IOException("no rsyslog imtcp.so module in " + root));
        }
        Path libDir = moduleDir.getParent();
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", libDir.toString());
        List<String> ldd = new ArrayList<>(List.of("ldd", rsyslogd.toString()));
        NEEDED_MODULES.forEach(m -> ldd.add(moduleDir.resolve(m).toString()));
        String out = run(root, env, 60, ldd);
        List<String> missing = out.lines()
                .filter(l -> l.contains("not found"))
                .map(l -> l.trim().split("\\s+")[0])
                .distinct()
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IOException("rsyslog needs libraries that are neither installed nor extracted: " + missing
                    + " (add their Debian packages to RsyslogInstallation.PACKAGES)");
        }
        String marker = Files.exists(root.resolve(MARKER)) ? Files.readString(root.resolve(MARKER)) : "";
        return new Installed(root, rsyslogd, moduleDir, libDir, marker.strip().replace('\n', ' '));
    }

    private static String run(Path dir, Map<String, String> env, int timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("'" + command.get(0) + "' cannot be started (" + e.getMessage() + ")", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("'" + String.join(" ", command) + "' took over " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(
                    "'" + String.join(" ", command) + "' exited " + process.exitValue() + ": " + lastLine(text));
        }
        return text;
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).trim();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " | ");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
