package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaLag;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;

/** The rehearsal's parts, without a window: its replica, its cluster's release history, and a cancelled start. */
class RehearsalTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void seedsIdentifiersAndStatusesOnlyAndTellsTheBadReleaseFromTheClusterHistory() throws Exception {
        List<String> said = new ArrayList<>();
        try (Rehearsal r = Rehearsal.start(dir.resolve("r"), new Rehearsal.Options(100, 0, 2), NOW, said::add,
                () -> false)) {
            assertThat(said).first().asString().contains("PostgreSQL");
            assertThat(said).last().isEqualTo("Rehearsal ready.");
            assertThat(r.cutoff()).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
            assertThat(r.cutoffLocal()).isEqualTo("2026-03-09 12:00:00");
            assertThat(r.notFoundIds()).hasSize(2);

            String url = "jdbc:postgresql://127.0.0.1:" + r.databasePort() + "/" + RehearsalDatabase.DATABASE;
            try (Connection c = DriverManager.getConnection(url, RehearsalDatabase.CONSOLE_USER, "");
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*), count(distinct (source_system, source_system_id))"
                        + " from personrecordservice.event_log where event_type in ('CPR_RECORD_CREATED',"
                        + " 'CPR_RECORD_UPDATED') and event_timestamp >= '2026-03-09 12:00:00'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(Rehearsal.AFFECTED_EVENTS);
                    assertThat(rs.getLong(2)).isEqualTo(1000);
                }
                try (ResultSet rs = s.executeQuery("select count(*) from personrecordservice.event_log where"
                        + " first_name is not null or last_name is not null or date_of_birth is not null"
                        + " or postcodes is not null or cros is not null or pncs is not null")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("no personal data in the synthetic replica").isZero();
                }
                // The console reads a hot standby, as RDS's read replica: nothing can be written there.
                try (ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
                assertThatThrownBy(() -> s.execute("delete from personrecordservice.person_key"))
                        .hasMessageContaining("read-only transaction");
            }

            try (Kubectl kubectl = new Kubectl(r.kubectl(), Rehearsal.CONTEXT, Rehearsal.NAMESPACE)) {
                List<Release> releases = kubectl.releases(Rehearsal.DEPLOYMENT);
                assertThat(releases).extracting(Release::revision)
                        .containsExactly(121L, 120L, 119L, 118L, 117L, 116L, 115L, 114L, 113L, 112L);
                assertThat(releases).extracting(Release::deploymentRevision).startsWith(43L, 42L, 41L, 0L);
                assertThat(releases.get(1).created()).isEqualTo(r.cutoff());
                assertThat(releases.get(0).current()).isTrue();
                // Person Record's relay, not person-match's that kubectl lists first, and the rollback is live.
                assertThat(kubectl.relayPods()).extracting(uk.gov.justice.digital.hmpps.rollbackconsole.kube.RelayPod::name)
                        .containsExactly("person-match-port-forward-pod", "person-record-port-forward-pod");
                assertThat(uk.gov.justice.digital.hmpps.rollbackconsole.kube.RelayPod.preferred(kubectl.relayPods())
                        .orElseThrow().remoteHost()).isEqualTo(Rehearsal.REPLICA_ADDRESS);
                var live = uk.gov.justice.digital.hmpps.rollbackconsole.kube.RollbackLiveCheck.run(kubectl,
                        java.util.Optional.of(releases.get(1)), uk.gov.justice.digital.hmpps.rollbackconsole.domain
                                .Environment.REHEARSAL, NOW.instant(), java.time.Duration.ofMinutes(10));
                assertThat(live.passed()).as(live.summary()).isTrue();
                assertThat(kubectl.needsAttentionJob()).isPresent();
                // The serving pods started with the rollback, some hours ago: not years, as a fixed date made them.
                assertThat(kubectl.servingPods("app=" + Rehearsal.DEPLOYMENT)).hasSize(2).allSatisfy(p ->
                        assertThat(p.startTime()).isAfter(releases.get(0).created()).isBefore(NOW.instant()));
            }
        }
    }

    @Test
    void writesEventTimesAsTheServiceDoesInUkWallClockTimeUpToAFewMinutesBeforeNow() throws Exception {
        Clock summer = Clock.fixed(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC);
        try (Rehearsal r = Rehearsal.start(dir.resolve("summer"), new Rehearsal.Options(100, 0, 0), summer, s -> { },
                () -> false)) {
            assertThat(r.cutoffLocal()).isEqualTo("2026-06-09 13:00:00");
            String url = "jdbc:postgresql://127.0.0.1:" + r.databasePort() + "/" + RehearsalDatabase.DATABASE;
            try (Connection c = DriverManager.getConnection(url, RehearsalDatabase.CONSOLE_USER, "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select max(event_timestamp), count(*)"
                         + " from personrecordservice.event_log where event_type in ('CPR_RECORD_CREATED',"
                         + " 'CPR_RECORD_UPDATED') and event_timestamp >= '2026-06-09 13:00:00'")) {
                rs.next();
                // The bad release started at 12:00 UTC, 13:00 on a London clock: every affected event is at or
                // after 13:00 as event_log holds it, and its last ones are minutes before now (13:00 UK), which a
                // window read as UTC (ending 12:00) would lose
                assertThat(rs.getObject(1, java.time.LocalDateTime.class))
                        .isBetween(java.time.LocalDateTime.parse("2026-06-10T12:55:00"),
                                java.time.LocalDateTime.parse("2026-06-10T13:00:00"));
                assertThat(rs.getLong(2)).isEqualTo(Rehearsal.AFFECTED_EVENTS);
            }
        }
    }

    @Test
    void aLaggingReplicaCanBeRehearsed() throws Exception {
        try (Rehearsal r = Rehearsal.start(dir.resolve("lag"), new Rehearsal.Options(100, 0, 0, Rehearsal.Failure.NONE,
                1, 600), Clock.systemUTC(), s -> { }, () -> false);
             Replica replica = Replica.connect(new ConnectionSettings("localhost", r.databasePort(),
                     RehearsalDatabase.DATABASE, RehearsalDatabase.CONSOLE_USER, null, Environment.REHEARSAL,
                     SslMode.DISABLE, null, null))) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            ReplicaLag lag = replica.lag();
            while (lag.caughtUp() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                lag = replica.lag();
            }
            // The service goes on writing on the primary; the replica receives it and does not replay it.
            assertThat(lag.inRecovery()).isTrue();
            assertThat(lag.caughtUp()).isFalse();
            assertThat(lag.boundedByReplay()).isTrue();
        }
    }

    @Test
    void aCancelledStartStopsBetweenStagesAndStartsNoPod() {
        List<String> said = new ArrayList<>();
        assertThatThrownBy(() -> Rehearsal.start(dir.resolve("r"), Rehearsal.Options.defaults(), NOW, said::add,
                () -> said.size() >= 2)).isInstanceOf(CancellationException.class);
        // It stopped after seeding began, before any pod: nothing but the folder is left.
        assertThat(said).hasSize(2);
        assertThat(dir.resolve("r").resolve("cluster")).doesNotExist();
    }
}
