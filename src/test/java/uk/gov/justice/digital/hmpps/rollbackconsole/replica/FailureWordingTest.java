package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Failures that cannot be provoked on demand here: a replica conflict, a stalled link, RDS's pg_hba rules. */
class FailureWordingTest {

    @Test
    void aReplicaThatAcceptsOnlyTlsIsATlsFailureButAMissingHbaEntryOverTlsIsNot() {
        ConnectionSettings settings = new ConnectionSettings("127.0.0.1", 15432, "db", "reader", null,
                uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.DEV, SslMode.PREFER, null, null);

        ConnectFailure plain = Failures.classify(new SQLException("FATAL: no pg_hba.conf entry for host"
                + " \"127.0.0.1\", user \"reader\", database \"db\", no encryption", "28000"), settings,
                Timeouts.STANDARD, 10);
        ConnectFailure overTls = Failures.classify(new SQLException("FATAL: no pg_hba.conf entry for host"
                + " \"127.0.0.1\", user \"reader\", database \"db\", SSL encryption", "28000"), settings,
                Timeouts.STANDARD, 10);

        assertThat(plain.kind()).isEqualTo(ConnectFailure.Kind.TLS);
        assertThat(plain.whatToDo()).contains("verify-full");
        assertThat(overTls.kind()).isEqualTo(ConnectFailure.Kind.AUTH_FAILED);
    }

    @Test
    void aConnectionAttemptNobodyAnswersIsATimeoutOfTheConnectStep() {
        ConnectionSettings settings = new ConnectionSettings("replica.example.test", 5432, "db", "reader", null,
                uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.DEV, SslMode.VERIFY_FULL, null, null);

        ConnectFailure failure = Failures.classify(new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new SocketTimeoutException("Connect timed out")), settings,
                Timeouts.STANDARD, 5_000);

        assertThat(failure.kind()).isEqualTo(ConnectFailure.Kind.TIMEOUT);
        assertThat(failure.whatHappened()).isEqualTo("replica.example.test:5432 did not accept a connection within"
                + " 5 seconds.");
        assertThat(failure.whatToDo()).contains("VPN");
    }

    @Test
    void aConflictWithRecoveryOnTheReplicaIsExplained() {
        assertThat(Replica.describe(new SQLException("ERROR: canceling statement due to conflict with recovery",
                "40001"))).startsWith("The replica cancelled the query because replication from the primary")
                .contains("Nothing was written");
    }

    @Test
    void aSocketTimeoutSaysTheReplicaStoppedAnswering() {
        SQLException e = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new SocketTimeoutException("Read timed out"));

        assertThat(Replica.describe(e)).startsWith("The replica stopped answering")
                .contains("socket timeout").contains("port-forward");
    }

    @Test
    void aLostLinkSaysToCheckThePortForward() {
        SQLException e = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new java.io.EOFException());

        assertThat(Replica.describe(e)).isEqualTo("The connection to the replica was lost (08006). Nothing was"
                + " written; check the port-forward and run it again.");
    }

    @Test
    void waitingTooLongForAPooledConnectionIsExplained() {
        SQLException e = new java.sql.SQLTransientConnectionException(
                "replica - Connection is not available, request timed out after 10000ms.");

        assertThat(Replica.describe(e)).startsWith("No connection to the replica could be had in time");
    }

    @Test
    void aStatementTimeoutOrCancelIsNamed() {
        assertThat(Replica.describe(new SQLException("ERROR: canceling statement due to statement timeout",
                "57014"))).contains("57014").contains("statement timeout");
    }

    @Test
    void anythingElseKeepsTheServersFirstLineAndState() {
        assertThat(Replica.describe(new SQLException("ERROR: out of shared memory\n  Hint: increase it.", "XX000")))
                .isEqualTo("The replica reported an error (XX000): ERROR: out of shared memory. Nothing was"
                        + " written; run it again.");
    }
}
