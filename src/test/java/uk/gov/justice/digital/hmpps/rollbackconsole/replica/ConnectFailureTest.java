package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure.Kind;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class ConnectFailureTest {

    /** A role that must give a password: pg_hba.conf is rewritten for it alone. */
    private static final String PASSWORD_USER = "console_with_password";
    private static final String PASSWORD = "correct horse battery staple";

    private static final Timeouts QUICK = new Timeouts(1, 2, 60, 2_000);

    @BeforeAll
    static void requirePasswordsForOneRole() throws Exception {
        TestReplica.reseed();
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + PASSWORD_USER + "'")) {
                s.execute("set password_encryption = 'scram-sha-256'");
                s.execute("create role " + PASSWORD_USER + " login password '" + PASSWORD + "'");
                s.execute("grant usage on schema personrecordservice to " + PASSWORD_USER);
                s.execute("grant select on all tables in schema personrecordservice to " + PASSWORD_USER);
                Path hba = Path.of(single(s, "show hba_file"));
                String rules = Files.readString(hba);
                Files.writeString(hba, "host all " + PASSWORD_USER + " all scram-sha-256\n" + rules);
                s.execute("select pg_reload_conf()");
            }
        }
    }

    @Test
    void aClosedPortIsUnreachableAndTheAdviceIsToStartThePortForward() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ConnectionSettings settings = new ConnectionSettings("127.0.0.1", closedPort, TestReplica.DATABASE,
                TestReplica.CONSOLE_USER, null, Environment.DEV, SslMode.PREFER, null, null);

        ConnectFailure failure = failureOf(settings, Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.whatHappened()).contains("127.0.0.1:" + closedPort);
        assertThat(failure.whatToDo()).contains("kubectl -n hmpps-person-record-dev port-forward port-forward-pod "
                + closedPort + ":5432");
        assertThat(failure.getMessage()).isEqualTo(failure.whatHappened() + " " + failure.whatToDo());
    }

    @Test
    void aPortThatAcceptsButNeverAnswersTimesOutWithinTheLoginTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionSettings settings = new ConnectionSettings("127.0.0.1", silent.getLocalPort(),
                    TestReplica.DATABASE, TestReplica.CONSOLE_USER, null, Environment.PREPROD, SslMode.PREFER, null,
                    null);

            long started = System.nanoTime();
            ConnectFailure failure = failureOf(settings, QUICK);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(took).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(5));
            assertThat(failure.whatHappened()).contains("within 2 seconds");
            assertThat(failure.whatToDo()).contains("hmpps-person-record-preprod");
            assertThat(accepted).isNotEmpty();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        ConnectFailure failure = failureOf(passwordSettings("wrong password".toCharArray()), Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.AUTH_FAILED);
        assertThat(failure.whatHappened()).contains(PASSWORD_USER).contains("28P01");
        assertThat(failure.whatToDo()).contains("database_password");
        assertThat(failure.getMessage()).doesNotContain("wrong password");
    }

    @Test
    void theRightPasswordIsPassedInMemoryAndMayBeWipedAfterConnecting() throws Exception {
        char[] password = PASSWORD.toCharArray();
        ConnectionSettings settings = passwordSettings(password);

        try (Replica replica = Replica.connect(settings)) {
            java.util.Arrays.fill(password, '*');
            // a new pooled connection still logs in: the console kept its own copy
            assertThat(replica.counts(TestReplica.BST_WINDOW).run()).isEqualTo(TestReplica.BST_COUNTS);
            assertThat(replica.settings().toString()).doesNotContain(PASSWORD).doesNotContain("*****");
        }
    }

    @Test
    void withoutAPasswordTheConsoleUsesThePgpassFile(@TempDir Path dir) throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "localhost:" + TestReplica.port() + ":" + TestReplica.DATABASE + ":"
                + PASSWORD_USER + ":" + PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (Replica replica = Replica.connect(passwordSettings(null))) {
            assertThat(replica.info().serverVersion()).isNotBlank();
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", before);
            }
        }
    }

    @Test
    void noPasswordAndNoPgpassEntryIsAnAuthenticationFailure(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("pgpass"), "");
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", empty.toString());
        try {
            ConnectFailure failure = failureOf(passwordSettings(new char[0]), Timeouts.STANDARD);

            assertThat(failure.kind()).isEqualTo(Kind.AUTH_FAILED);
            assertThat(failure.whatToDo()).contains(".pgpass");
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", before);
            }
        }
    }

    @Test
    void aMissingDatabaseIsNamed() {
        ConnectFailure failure = failureOf(TestReplica.settings().withDatabase("no_such_database"),
                Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.DATABASE_MISSING);
        assertThat(failure.whatHappened()).contains("no_such_database").contains("3D000");
        assertThat(failure.whatToDo()).contains("database_name");
    }

    @Test
    void verifyFullAgainstAServerWithoutTlsIsATlsFailure() {
        ConnectFailure failure = failureOf(TestReplica.settings().withTls(SslMode.VERIFY_FULL, null, null),
                Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.TLS);
        assertThat(failure.whatHappened()).contains("does not offer TLS").contains("verify-full");
    }

    @Test
    void requireAgainstAServerWithoutTlsIsATlsFailureToo() {
        assertThat(failureOf(TestReplica.settings().withTls(SslMode.REQUIRE, null, null), Timeouts.STANDARD).kind())
                .isEqualTo(Kind.TLS);
    }

    @Test
    void aDatabaseWithoutTheSchemaIsSchemaMissing() throws SQLException {
        createDatabase("no_person_record");

        ConnectFailure failure = failureOf(TestReplica.settings().withDatabase("no_person_record"),
                Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.SCHEMA_MISSING);
        assertThat(failure.whatHappened()).contains("no schema personrecordservice");
    }

    @Test
    void missingTablesAndColumnsAreNamedExactly() throws SQLException {
        if (createDatabase("partial_person_record")) {
            try (Connection c = TestReplica.admin("partial_person_record").getConnection();
                 Statement s = c.createStatement()) {
                s.execute("create schema personrecordservice");
                s.execute("create table personrecordservice.event_log (id serial, source_system_id text,"
                        + " source_system text, person_uuid uuid, event_type text, event_timestamp timestamp)");
                s.execute("create table personrecordservice.person (id bigint, fk_person_key_id bigint,"
                        + " match_id uuid)");
                s.execute("grant usage on schema personrecordservice to " + TestReplica.CONSOLE_USER);
                s.execute("grant select on all tables in schema personrecordservice to " + TestReplica.CONSOLE_USER);
            }
        }

        ConnectFailure failure = failureOf(TestReplica.settings().withDatabase("partial_person_record"),
                Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.SCHEMA_MISSING);
        assertThat(failure.whatHappened()).isEqualTo("The schema personrecordservice in partial_person_record lacks"
                + " what the console reads: table person_key; column event_log.match_id.");
    }

    @Test
    void tablesTheUserMayNotReadAreAnAuthenticationProblem() throws SQLException {
        if (createDatabase("unreadable_person_record")) {
            try (Connection c = TestReplica.admin("unreadable_person_record").getConnection();
                 Statement s = c.createStatement()) {
                s.execute(resourceSchema());
                s.execute("grant usage on schema personrecordservice to " + TestReplica.CONSOLE_USER);
                s.execute("grant select on personrecordservice.person, personrecordservice.person_key to "
                        + TestReplica.CONSOLE_USER);
            }
        }

        ConnectFailure failure = failureOf(TestReplica.settings().withDatabase("unreadable_person_record"),
                Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.AUTH_FAILED);
        assertThat(failure.whatHappened()).contains("may not read personrecordservice.event_log");
    }

    @Test
    void aPrimaryIsRefusedInProductionAndLeavesNoSessionBehind() throws SQLException {
        ConnectFailure failure = failureOf(TestReplica.settings().withEnvironment(Environment.PROD),
                Timeouts.STANDARD);

        assertThat(failure.kind()).isEqualTo(Kind.PRIMARY_IN_PROD);
        assertThat(failure.whatHappened()).contains("primary").contains("pg_is_in_recovery()");
        assertThat(failure.whatToDo()).contains("hmpps-person-record-prod");
        assertThat(consoleSessions()).isZero();
    }

    @Test
    void aPrimaryOutsideProductionConnectsAndSaysItIsNotInRecovery() throws ConnectFailure {
        try (Replica replica = Replica.connect(TestReplica.settings().withEnvironment(Environment.DEV))) {
            assertThat(replica.info().inRecovery()).isFalse();
            assertThat(replica.info().serverVersion()).startsWith("14.");
            // the seed analyses event_log: the planner's estimate is exact
            assertThat(replica.info().eventLogRowEstimate()).isEqualTo(54);
        }
    }

    @Test
    void anEventLogThatWasNeverAnalysedIsCounted() throws Exception {
        if (createDatabase("unanalysed_person_record")) {
            try (Connection c = TestReplica.admin("unanalysed_person_record").getConnection();
                 Statement s = c.createStatement()) {
                s.execute(resourceSchema());
                s.execute("grant usage on schema personrecordservice to " + TestReplica.CONSOLE_USER);
                s.execute("grant select on all tables in schema personrecordservice to " + TestReplica.CONSOLE_USER);
                s.execute("insert into personrecordservice.event_log (source_system_id, source_system, event_type)"
                        + " select 'X' || g, 'DELIUS', 'CPR_RECORD_CREATED' from generate_series(1, 37) g");
            }
        }

        try (Replica replica = Replica.connect(TestReplica.settings().withDatabase("unanalysed_person_record"))) {
            assertThat(replica.info().eventLogRowEstimate()).isEqualTo(37);
        }
    }

    private static ConnectionSettings passwordSettings(char[] password) {
        return new ConnectionSettings("localhost", TestReplica.port(), TestReplica.DATABASE, PASSWORD_USER, password,
                Environment.LOCAL, SslMode.DISABLE, null, null);
    }

    private static ConnectFailure failureOf(ConnectionSettings settings, Timeouts timeouts) {
        ConnectFailure failure = catchThrowableOfType(ConnectFailure.class, () -> Replica.connect(settings, timeouts)
                .close());
        assertThat((Throwable) failure).as("connecting with %s", settings).isNotNull();
        return failure;
    }

    /** Creates the database unless an earlier run in this JVM did; true when it was created now. */
    private static boolean createDatabase(String name) throws SQLException {
        try (Connection c = TestReplica.admin("postgres").getConnection(); Statement s = c.createStatement()) {
            if (exists(s, "select 1 from pg_database where datname = '" + name + "'")) {
                return false;
            }
            s.execute("create database " + name);
            return true;
        }
    }

    private static String resourceSchema() {
        try (var in = ConnectFailureTest.class.getResourceAsStream("/replica/schema.sql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long consoleSessions() throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "select count(*) from pg_stat_activity where application_name = 'rollback-console'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
