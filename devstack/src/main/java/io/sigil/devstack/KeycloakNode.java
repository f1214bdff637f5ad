package io.sigil.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak ({@code keycloak-quarkus-dist} from Maven Central) in {@code start-dev} mode with an
 * in-memory database, started as a child process with the {@code sigil} realm imported from this repo.
 */
public final class KeycloakNode {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final StackProfile profile;
    private final BuildInfo build;
    private final ChildProcesses children;
    private final Path logFile;
    private final String adminPassword = randomPassword();

    public KeycloakNode(StackProfile profile, BuildInfo build, ChildProcesses children) {
        this.profile = profile;
        this.build = build;
        this.children = children;
        this.logFile = profile.stateDir().resolve("keycloak.log");
    }

    public String url() {
        return "http://127.0.0.1:" + profile.keycloakPort();
    }

    public String adminPassword() {
        return adminPassword;
    }

    public void start() throws IOException, InterruptedException {
        PortGuard.requireFree(profile.keycloakPort(), "Keycloak");
        PortGuard.requireFree(profile.keycloakManagementPort(), "Keycloak management");
        Path home = install();
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = KeycloakNode.class.getResourceAsStream("/devstack/keycloak/sigil-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("the sigil realm file is missing from devstack's resources");
            }
            String text = new String(realm.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace(
                            DemoClientKey.REALM_PLACEHOLDER,
                            DemoClientKey.of(profile).jwksForRealm());
            Files.writeString(imports.resolve("sigil-realm.json"), text);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + profile.keycloakPort(),
                        "--http-management-port=" + profile.keycloakManagementPort(),
                        // No fixed hostname: the issuer follows the URL a client used, so a test can obtain a
                        // correctly signed token from another issuer (localhost instead of 127.0.0.1).
                        "--hostname-strict=false",
                        "--health-enabled=true",
                        "--import-realm",
                        "--db=dev-mem"))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        KeycloakAdmin.savePassword(profile, adminPassword);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
        // A development identity provider: a quicker start matters more than C2's peak speed.
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        Process process = builder.start();
        children.track("keycloak", process);
        URI discovery = URI.create(url() + "/realms/" + StackState.REALM + "/.well-known/openid-configuration");
        HttpProbe.awaitOk(discovery, process, START_TIMEOUT, "Keycloak", logFile);
    }

    /** Unpacks the distribution once per profile (start-dev re-augments in place, so profiles do not share). */
    private Path install() throws IOException {
        Path home = DevStackHome.root().resolve("keycloak-" + build.keycloakVersion() + "-" + profile.id());
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        if (!Files.isRegularFile(build.keycloakZip())) {
            throw new IOException("the Keycloak distribution " + build.keycloakZip()
                    + " is missing: run ./mvnw -pl devstack package to download it");
        }
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        DevStack.deleteRecursively(staging);
        Files.createDirectories(staging);
        unzip(build.keycloakZip(), staging);
        Path top;
        try (var entries = Files.list(staging)) {
            top = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        try (var scripts = Files.list(top.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh"))
                    .forEach(p -> p.toFile().setExecutable(true));
        }
        Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(staging);
        return home;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes its target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
