package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure.Kind;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * A server with a certificate for {@link TestCertificates#SERVER_NAME}, reached at 127.0.0.1 as the replica is
 * through a port-forward.
 */
class TlsTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startTlsServer() throws Exception {
        certificates = TestCertificates.createIn(dir);
        server = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificates.serverCertificate.toString())
                .setServerConfig("ssl_key_file", certificates.serverKey.toString())
                .setServerConfig("fsync", "off")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + TestReplica.CONSOLE_USER + " login");
            s.execute(resource("schema.sql"));
            s.execute("grant usage on schema personrecordservice to " + TestReplica.CONSOLE_USER);
            s.execute("grant select on all tables in schema personrecordservice to " + TestReplica.CONSOLE_USER);
        }
    }

    @AfterAll
    static void stopTlsServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void verifyFullThroughATunnelChecksTheCertificateAgainstTheRdsHostName() throws Exception {
        try (Replica replica = Replica.connect(tunnel(SslMode.VERIFY_FULL, certificates.rootCertificate,
                TestCertificates.SERVER_NAME))) {
            assertThat(sessionUsesTls(replica)).isTrue();
        }
    }

    @Test
    void verifyFullThroughATunnelWithoutTheRdsHostNameIsRefused() {
        ConnectFailure failure = failureOf(tunnel(SslMode.VERIFY_FULL, certificates.rootCertificate, null));

        assertThat(failure.kind()).isEqualTo(Kind.TLS);
        assertThat(failure.whatHappened()).isEqualTo("The replica's certificate does not name 127.0.0.1.");
        assertThat(failure.whatToDo()).contains("rds_instance_address").contains("certificate name");
    }

    @Test
    void aCertificateThatNamesAnotherHostIsRefused() {
        ConnectFailure failure = failureOf(tunnel(SslMode.VERIFY_FULL, certificates.rootCertificate,
                "prod-replica.example.test"));

        assertThat(failure.kind()).isEqualTo(Kind.TLS);
        assertThat(failure.whatHappened()).contains("prod-replica.example.test");
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsRefused() {
        ConnectFailure failure = failureOf(tunnel(SslMode.VERIFY_FULL, certificates.otherRootCertificate,
                TestCertificates.SERVER_NAME));

        assertThat(failure.kind()).isEqualTo(Kind.TLS);
        assertThat(failure.whatHappened()).startsWith("The TLS handshake with 127.0.0.1:");
        assertThat(failure.whatToDo()).contains("CA bundle");
    }

    @Test
    void aCaBundleThatCannotBeReadIsATlsFailure() {
        ConnectFailure failure = failureOf(tunnel(SslMode.VERIFY_FULL, dir.resolve("no-such-bundle.pem"),
                TestCertificates.SERVER_NAME));

        assertThat(failure.kind()).isEqualTo(Kind.TLS);
        assertThat(failure.whatToDo()).contains("global-bundle.pem");
    }

    @Test
    void verifyCaChecksTheAuthorityButNotTheName() throws Exception {
        try (Replica replica = Replica.connect(tunnel(SslMode.VERIFY_CA, certificates.rootCertificate, null))) {
            assertThat(sessionUsesTls(replica)).isTrue();
        }
        assertThat(failureOf(tunnel(SslMode.VERIFY_CA, certificates.otherRootCertificate, null)).kind())
                .isEqualTo(Kind.TLS);
    }

    @Test
    void preferUsesTlsWhenTheServerOffersIt() throws Exception {
        try (Replica replica = Replica.connect(tunnel(SslMode.PREFER, null, null))) {
            assertThat(sessionUsesTls(replica)).isTrue();
        }
    }

    private static ConnectionSettings tunnel(SslMode mode, Path caBundle, String tlsServerName) {
        return new ConnectionSettings("127.0.0.1", server.getPort(), "postgres", TestReplica.CONSOLE_USER, null,
                Environment.DEV, mode, caBundle, tlsServerName);
    }

    private static boolean sessionUsesTls(Replica replica) throws SQLException {
        try (Connection c = replica.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static ConnectFailure failureOf(ConnectionSettings settings) {
        ConnectFailure failure = catchThrowableOfType(ConnectFailure.class, () -> Replica.connect(settings).close());
        assertThat((Throwable) failure).as("connecting with %s", settings).isNotNull();
        return failure;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TlsTest.class.getResourceAsStream("/replica/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
