package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA, a server certificate it signed for {@link #SERVER_NAME} (as RDS certificates name the instance), and an
 * unrelated CA, made with the JDK's keytool so that no TLS library is needed.
 */
final class TestCertificates {

    static final String SERVER_NAME = "replica.example.test";
    private static final String STORE_PASSWORD = "test-only";

    final Path rootCertificate;
    final Path otherRootCertificate;
    final Path serverCertificate;
    final Path serverKey;

    private TestCertificates(Path dir) {
        this.rootCertificate = dir.resolve("root.crt");
        this.otherRootCertificate = dir.resolve("other-root.crt");
        this.serverCertificate = dir.resolve("server.crt");
        this.serverKey = dir.resolve("server.key");
    }

    static TestCertificates createIn(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        TestCertificates c = new TestCertificates(dir);
        Path ca = dir.resolve("ca.p12");
        Path otherCa = dir.resolve("other-ca.p12");
        Path server = dir.resolve("server.p12");
        Path request = dir.resolve("server.csr");
        keytool("-genkeypair", "-keystore", ca.toString(), "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=Rollback Console Test Root CA", "-ext", "bc:c", "-validity", "30");
        keytool("-genkeypair", "-keystore", otherCa.toString(), "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=Some Other Root CA", "-ext", "bc:c", "-validity", "30");
        keytool("-genkeypair", "-keystore", server.toString(), "-alias", "server", "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=" + SERVER_NAME, "-validity", "30");
        keytool("-exportcert", "-rfc", "-keystore", ca.toString(), "-alias", "ca", "-file",
                c.rootCertificate.toString());
        keytool("-exportcert", "-rfc", "-keystore", otherCa.toString(), "-alias", "ca", "-file",
                c.otherRootCertificate.toString());
        keytool("-certreq", "-keystore", server.toString(), "-alias", "server", "-file", request.toString());
        keytool("-gencert", "-rfc", "-keystore", ca.toString(), "-alias", "ca", "-infile", request.toString(),
                "-outfile", c.serverCertificate.toString(), "-ext", "san=dns:" + SERVER_NAME, "-validity", "30");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("server", STORE_PASSWORD.toCharArray());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(c.serverKey, pem);
        // PostgreSQL refuses a key file that others may read
        Files.setPosixFilePermissions(c.serverKey, PosixFilePermissions.fromString("rw-------"));
        return c;
    }

    X509Certificate serverX509() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(serverCertificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-noprompt"));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", STORE_PASSWORD));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
