package io.sigil.soc.support;

import io.sigil.soc.tls.TrustMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away CA and one server certificate, made at test time with the JDK's keytool (no credential is ever
 * committed), exported as the PEM files rsyslog reads and as SSLContexts for JDK peers.
 */
public final class TestPki {

    private static final String PASSWORD = "test-only-" + Long.toHexString(System.nanoTime());

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** A CA in {@code dir} that signs a server certificate for the given SANs, e.g. "ip:127.0.0.1". */
    public static TestPki create(Path dir, String serverSans) throws IOException {
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir);
        pki.keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=SIGIL test CA " + dir.getFileName(),
                "-ext",
                "bc:c=ca:true",
                "-ext",
                "ku:c=keyCertSign,cRLSign",
                "-validity",
                "2",
                "-keystore",
                "ca.p12",
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        pki.keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-storepass",
                PASSWORD,
                "-file",
                "ca.pem");
        if (serverSans != null) {
            pki.keytool(
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=sigil-test-receiver",
                    "-validity",
                    "2",
                    "-keystore",
                    "server.p12",
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD);
            pki.keytool(
                    "-certreq",
                    "-alias",
                    "server",
                    "-keystore",
                    "server.p12",
                    "-storepass",
                    PASSWORD,
                    "-file",
                    "server.csr");
            pki.keytool(
                    "-gencert",
                    "-alias",
                    "ca",
                    "-keystore",
                    "ca.p12",
                    "-storepass",
                    PASSWORD,
                    "-infile",
                    "server.csr",
                    "-outfile",
                    "server.pem",
                    "-rfc",
                    "-validity",
                    "2",
                    "-ext",
                    "san=" + serverSans,
                    "-ext",
                    "eku=serverAuth",
                    "-ext",
                    "ku:c=digitalSignature,keyAgreement");
            pki.writeServerKeyPem();
        }
        return pki;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path serverCertPem() {
        return dir.resolve("server.pem");
    }

    public Path serverKeyPem() {
        return dir.resolve("server-key.pem");
    }

    /** A client context that trusts this CA only. */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        return TrustMaterial.fromPem(caPem());
    }

    /** A server context presenting the CA-signed server certificate. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore own = KeyStore.getInstance(dir.resolve("server.p12").toFile(), PASSWORD.toCharArray());
        Key key = own.getKey("server", PASSWORD.toCharArray());
        List<Certificate> chain = new ArrayList<>(certificates(serverCertPem()));
        chain.addAll(certificates(caPem()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private void writeServerKeyPem() throws IOException {
        try {
            KeyStore own = KeyStore.getInstance(dir.resolve("server.p12").toFile(), PASSWORD.toCharArray());
            PrivateKey key = (PrivateKey) own.getKey("server", PASSWORD.toCharArray());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(serverKeyPem(), pem, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the generated server key", e);
        }
    }

    private static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // keytool is a short-lived JVM: the quick compiler and no JIT warm-up make each run about three times faster.
        command.add("-J-XX:TieredStopAtLevel=1");
        command.add("-J-XX:+UseSerialGC");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
