package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** The failures that cannot be provoked on demand here: a replica conflict, a stalled link, resource limits. */
class DescribeTest {

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
