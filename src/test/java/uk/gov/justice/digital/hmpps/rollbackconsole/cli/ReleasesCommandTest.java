package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class ReleasesCommandTest {

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void cluster() throws Exception {
        cluster = ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster")));
    }

    private int run(List<String> args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return CommandLine.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private List<String> kube() {
        return List.of("--context", SimulatedCluster.CONTEXT, "--namespace", SimulatedCluster.NAMESPACE,
                "--kubectl", cluster.executable().toString());
    }

    @Test
    void printsBothDeploymentsHistoriesWithUtcAndUkTimes() {
        List<String> args = new ArrayList<>(List.of("releases"));
        args.addAll(kube());
        assertThat(run(args)).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("hmpps-person-record (context " + SimulatedCluster.CONTEXT)
                .contains("REV is Helm's revision")
                .contains("hmpps-person-match (context")
                .containsPattern("27 +2025-06-09\\.5512\\.bad0bad +superseded +2025-06-09 12:21:55 +2025-06-09 13:21:55 BST"
                        + " +2 h 38 min +Helm only")
                .containsPattern("30 +2025-05-01\\.5400\\.900d900 +deployed .* running now \\(2 pods\\) +Helm and ReplicaSet"
                        + " \\(deployment revision 7\\)")
                .contains("the oldest kept is revision 21 (2025-03-03.4900.aaaa021), started 2025-03-03 10:00:00 UTC")
                .doesNotContain("canary").doesNotContain("hmpps-person-record-old");
    }

    @Test
    void withoutPermissionToReadSecretsItListsTheReplicaSetsAndSaysTheHistoryIsShort() throws Exception {
        cluster.forbidSecrets();
        List<String> args = new ArrayList<>(List.of("releases"));
        args.addAll(kube());
        assertThat(run(args)).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("REV is the deployment's revision")
                .contains("Only the ReplicaSets of hmpps-person-record are listed (your account may not read secrets")
                .containsPattern("7 +2025-05-01\\.5400\\.900d900 +- .* running now")
                .doesNotContain("bad0bad");
    }

    @Test
    void exportSinceAReleaseWritesWhatTypingItsTimeByHandWrites() throws Exception {
        Path byRelease = dir.resolve("by-release.json");
        Path byHand = dir.resolve("by-hand.json");
        List<String> replica = List.of("--host", "localhost", "--port", Integer.toString(TestReplica.port()),
                "--database", TestReplica.DATABASE, "--user", TestReplica.CONSOLE_USER);

        List<String> release = new ArrayList<>(List.of("export", "--since-release", "27", "--deployment", "hmpps-person-record",
                "--out", byRelease.toString()));
        release.addAll(kube());
        release.addAll(replica);
        assertThat(run(release)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Release: hmpps-person-record revision 27 (2025-06-09.5512.bad0bad)")
                .contains("Cutoff: 2025-06-09 12:21:55 UTC");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("running now");

        List<String> typed = new ArrayList<>(List.of("export", "--cutoff", TestReplica.CUTOFF_BST_LOCAL, "--zone", "Europe/London",
                "--out", byHand.toString()));
        typed.addAll(replica);
        assertThat(run(typed)).isZero();

        assertThat(Files.readString(byRelease)).isEqualTo(Files.readString(byHand));
    }

    @Test
    void theRevisionRunningNowIsAcceptedWithAWarningThatTheRollbackIsNotLive() {
        List<String> args = new ArrayList<>(List.of("export", "--since-release", "30", "--deployment", "hmpps-person-record",
                "--out", dir.resolve("x.json").toString(), "--host", "localhost", "--port", Integer.toString(TestReplica.port()),
                "--database", TestReplica.DATABASE, "--user", TestReplica.CONSOLE_USER));
        args.addAll(kube());
        assertThat(run(args)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is the one running now: the rollback is not live yet");
    }

    @Test
    void aReleaseIsFoundByItsTagUnlessThatTagWasDeployedTwice() {
        List<String> args = new ArrayList<>(List.of("export", "--since-release", ReleaseHistoryScenario.BAD_TAG,
                "--deployment", "hmpps-person-record", "--out", dir.resolve("x.json").toString(), "--host", "localhost",
                "--port", Integer.toString(TestReplica.port()), "--database", TestReplica.DATABASE,
                "--user", TestReplica.CONSOLE_USER));
        args.addAll(kube());
        assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Cutoff: 2025-06-09 12:21:55 UTC");

        args.set(2, ReleaseHistoryScenario.ROLLBACK_TAG);
        args.set(6, dir.resolve("y.json").toString());
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("was deployed more than once (revisions 30, 25)");
    }

    @Test
    void anUnknownRevisionIsAUsageErrorNamingTheCommandThatListsThem() {
        List<String> args = new ArrayList<>(List.of("export", "--since-release", "42", "--deployment", "hmpps-person-record",
                "--out", dir.resolve("x.json").toString(), "--host", "localhost", "--database", "d", "--user", "u"));
        args.addAll(kube());
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("hmpps-person-record has no revision 42")
                .contains("rollback-console releases lists them");
    }
}
