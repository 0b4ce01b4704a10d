package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison.Row;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.RehearsalDatabase;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/**
 * The after statistics on a read replica that has not replayed the recluster's last changes yet: a real primary and
 * hot standby, the test's data set, and the standby's replay paused while "the recluster" changes statuses.
 */
class AfterStatisticsOnALaggingReplicaTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static EmbeddedPostgres primary;
    private static EmbeddedPostgres standby;

    @BeforeAll
    static void start() throws Exception {
        primary = RehearsalDatabase.start(RehearsalDatabase.primaryConfig(), "select");
        try (Connection c = RehearsalDatabase.admin(primary).getConnection();
             InputStream seed = AfterStatisticsOnALaggingReplicaTest.class.getResourceAsStream("/replica/seed.sql")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(new String(seed.readAllBytes(), StandardCharsets.UTF_8));
            }
            c.commit();
        }
        standby = RehearsalDatabase.standbyOf(primary, dir.resolve("standby"));
    }

    @AfterAll
    static void stop() throws Exception {
        standby.close();
        primary.close();
    }

    @Test
    void theAfterStatisticsWaitForTheReplicaToReplayTheRecluster() throws Exception {
        WizardSession session = new WizardSession();
        try {
            Replica replica = Replica.connect(new ConnectionSettings("localhost", standby.getPort(),
                    RehearsalDatabase.DATABASE, RehearsalDatabase.CONSOLE_USER, null, Environment.LOCAL,
                    SslMode.DISABLE, null, null));
            session.environmentProperty().set(Environment.LOCAL);
            session.replicaProperty().set(replica);
            ClusterStatistics before = replica.clusterStatistics(TestReplica.BST_WINDOW).run();
            session.previewProperty().set(new PreviewSnapshot(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS,
                    TestReplica.BST_DISTINCT_RECORDS, AffectedSummary.EMPTY, before));
            OutcomeStepViewModel model = new OutcomeStepViewModel(session, new DirectTaskRunner(), new FakeDialogs(), CLOCK);

            replay("pause");
            try {
                // What the recluster does on the primary: the broken cluster is resolved.
                try (Connection c = RehearsalDatabase.admin(primary).getConnection(); Statement s = c.createStatement()) {
                    s.execute("update personrecordservice.person_key set status = 'ACTIVE', status_reason = null where id = 3");
                }
                waitUntil(() -> { // received by the standby, not replayed
                    try {
                        return !replica.lag().caughtUp();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread taking = new Thread(model::takeAfter, "take-after");
                taking.start();

                waitUntil(() -> model.waitingForReplayProperty().get());
                assertThat(model.statisticsMessageProperty().get().text())
                        .startsWith("Waiting for the replica to replay past the run's end");
                assertThat(model.afterProperty().get()).as("nothing is taken while the replica lags").isNull();

                replay("resume");
                taking.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(taking.isAlive()).isFalse();
            } finally {
                replay("resume");
            }

            assertThat(model.waitingForReplayProperty().get()).isFalse();
            assertThat(model.statisticsMessageProperty().get().kind()).isEqualTo(Message.Kind.OK);
            assertThat(model.comparisonRows()).contains(new Row("NEEDS_ATTENTION", 2, 1));
        } finally {
            session.close();
        }
    }

    private static void replay(String what) throws Exception {
        try (Connection c = standby.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_wal_replay_" + what + "()")) {
            rs.next();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
