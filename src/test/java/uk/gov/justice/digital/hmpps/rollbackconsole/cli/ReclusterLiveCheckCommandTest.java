package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;

/**
 * {@code recluster} runs the window's "is the rollback live?" before anything is sent, against the simulated kubectl
 * as a real subprocess and the simulated service: in prod a check that does not pass stops it, unless a reason is
 * given, which is journalled; an asleep deployment stops it anywhere.
 */
class ReclusterLiveCheckCommandTest {

    private static final String PROD = "hmpps-person-record-prod";
    private static final String POD_1 = "hmpps-person-record-7c1e2d3a4-aaaaa";
    private static final String POD_2 = "hmpps-person-record-7c1e2d3a4-bbbbb";
    private static final String OLD_POD = "hmpps-person-record-6b9d8e7f1-zzzzz";

    @TempDir
    Path dir;
    private SimulatedPersonRecordService service;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    /** The rollback (Helm 30) rolled out in {@code namespace}: both pods on its image, the bad release (27) gone. */
    private SimulatedCluster rolledBack(String namespace) throws Exception {
        return ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster"), SimulatedCluster.CONTEXT, namespace))
                .podOf(ReleaseHistoryScenario.RECORD, POD_1, ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, POD_2, ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .forwardTo(service.port()).podLog(POD_1, service.logFile());
    }

    private int run(SimulatedCluster cluster, String namespace, String... more) throws Exception {
        Path file = dir.resolve("affected-records.json");
        if (!Files.exists(file)) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 1; i <= 6; i++) {
                json.append(i == 1 ? "" : ",").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"A").append(i).append("\"}");
            }
            Files.writeString(file, json.append("]\n"));
        }
        List<String> args = new ArrayList<>(List.of("recluster", "--context", SimulatedCluster.CONTEXT,
                "--namespace", namespace, "--file", file.toString(), "--kubectl", cluster.executable().toString(),
                "--incidents", dir.resolve("incidents").toString(), "--pod", POD_1, "--batch-size", "3"));
        if (namespace.equals(PROD)) {
            args.addAll(List.of("--confirm", PROD));
        }
        args.addAll(List.of(more));
        return CommandLine.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String journal() throws Exception {
        try (var folders = Files.list(dir.resolve("incidents"))) {
            Path folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            return Files.readString(folder.resolve("journal.jsonl"));
        }
    }

    @Test
    void inProdALiveRollbackIsCheckedJournalledAndSent() throws Exception {
        SimulatedCluster cluster = rolledBack(PROD);
        int code = run(cluster, PROD, "--bad-release", "27");

        assertThat(code).as(printed() + errors()).isZero();
        assertThat(printed()).contains("Is the rollback live? (" + PROD + ")")
                .contains("PASS  The rollout of hmpps-person-record is complete")
                .contains("        2 of 2 pods ready on it")
                .contains("PASS  The release running now is not the bad one (hmpps-person-record revision 27, "
                        + ReleaseHistoryScenario.BAD_TAG + ")")
                .contains("The rollback is live as far as the cluster shows.")
                .contains("COMPLETE: 2 batches complete");
        assertThat(service.reclusterRequests()).isEqualTo(2);
        assertThat(journal()).contains("\"type\":\"cluster_target\",\"kubectl\":\"" + cluster.executable()
                + "\",\"context\":\"" + SimulatedCluster.CONTEXT + "\",\"namespace\":\"" + PROD + "\",\"environment\":\"PROD\"");
        assertThat(journal()).contains("\"type\":\"decision\",\"kind\":\"NOTE\",\"batch\":null,\"text\":\"Rollback live check in "
                + PROD + ": passed\\nPASS: The rollout of hmpps-person-record is complete (the deployment runs "
                + ReleaseHistoryScenario.ROLLBACK_IMAGE);
    }

    @Test
    void inProdARolloutInProgressStopsTheCommandBeforeAnythingIsSent() throws Exception {
        SimulatedCluster cluster = rolledBack(PROD).podOf(ReleaseHistoryScenario.RECORD, OLD_POD,
                ReleaseHistoryScenario.REPOSITORY + "2025-06-09.5520.aaaa029");

        int code = run(cluster, PROD, "--bad-release", "27");

        assertThat(code).isEqualTo(1);
        assertThat(printed()).contains("FAIL  The rollout of hmpps-person-record is complete")
                .contains("pod " + OLD_POD + " still runs 2025-06-09.5520.aaaa029, ready")
                .contains("rollout in progress: wait until every pod runs the deployment's image, then check again");
        assertThat(errors()).contains("the rollback is not shown live in " + PROD + ", and in prod nothing is sent until it is")
                .contains("Nothing was sent").contains("--send-anyway REASON");
        assertThat(service.reclusterRequests()).isZero();
        assertThat(journal()).contains("Rollback live check in " + PROD + ": NOT passed\\nFAIL: The rollout")
                .doesNotContain("batch_sending");
    }

    @Test
    void inProdTheBadReleaseStillRunningStopsTheCommand() throws Exception {
        // Never rolled back: the deployment and its pods still run Helm's revision 27.
        SimulatedCluster cluster = ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster"),
                        SimulatedCluster.CONTEXT, PROD))
                .deployment(ReleaseHistoryScenario.RECORD, ReleaseHistoryScenario.RECORD_UID, 7, ReleaseHistoryScenario.BAD_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, POD_1, ReleaseHistoryScenario.BAD_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, POD_2, ReleaseHistoryScenario.BAD_IMAGE)
                .forwardTo(service.port()).podLog(POD_1, service.logFile());

        int code = run(cluster, PROD, "--bad-release", ReleaseHistoryScenario.BAD_TAG);

        assertThat(code).isEqualTo(1);
        assertThat(printed()).contains("PASS  The rollout of hmpps-person-record is complete")
                .contains("FAIL  The release running now is not the bad one (hmpps-person-record revision 27, ")
                .contains("hmpps-person-record's deployment still runs the bad release: roll back first (runbook step 2)")
                .contains("pod " + POD_1 + " still runs the bad release");
        assertThat(errors()).contains("Nothing was sent");
        assertThat(service.reclusterRequests()).isZero();
    }

    @Test
    void inProdWithoutTheBadReleaseNamedNothingIsSent() throws Exception {
        int code = run(rolledBack(PROD), PROD);

        assertThat(code).isEqualTo(1);
        assertThat(printed()).contains("UNKNOWN  The release running now is not the bad one");
        assertThat(errors()).contains("name the bad release with --bad-release REV|TAG");
        assertThat(service.reclusterRequests()).isZero();
    }

    @Test
    void aReasonTypedForTheSendGoesIntoTheJournalAndTheBatchesGo() throws Exception {
        SimulatedCluster cluster = rolledBack(PROD).podOf(ReleaseHistoryScenario.RECORD, OLD_POD,
                ReleaseHistoryScenario.REPOSITORY + "2025-06-09.5520.aaaa029");

        int code = run(cluster, PROD, "--bad-release", "27", "--send-anyway",
                "the old pod is terminating; agreed with the on-call lead");

        assertThat(code).as(printed() + errors()).isZero();
        assertThat(errors()).contains("sending although the rollback is not shown live; the reason is in the journal: "
                + "the old pod is terminating; agreed with the on-call lead");
        assertThat(service.reclusterRequests()).isEqualTo(2);
        String journal = journal();
        assertThat(journal).contains("\"kind\":\"CONTINUE_DESPITE_WARNING\",\"batch\":null,\"text\":\"Sending although the"
                + " rollback is not shown live: the old pod is terminating; agreed with the on-call lead\"");
        assertThat(journal.indexOf("CONTINUE_DESPITE_WARNING")).as("before the first batch")
                .isLessThan(journal.indexOf("batch_sending"));
    }

    @Test
    void anAsleepDeploymentStopsTheCommandWhateverTheReason() throws Exception {
        String dev = "hmpps-person-record-dev";
        SimulatedCluster cluster = ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster"),
                SimulatedCluster.CONTEXT, dev)).scale(ReleaseHistoryScenario.RECORD, 0);

        int code = run(cluster, dev, "--bad-release", "27", "--send-anyway", "we need it now");

        assertThat(code).isEqualTo(1);
        assertThat(printed()).contains("ASLEEP  The rollout of hmpps-person-record is complete");
        assertThat(errors()).contains("hmpps-person-record in " + dev + " is asleep")
                .contains("it starts again at 06:45 UK time on weekdays").contains("Nothing was sent");
        assertThat(service.reclusterRequests()).isZero();
        assertThat(journal()).contains("Rollback live check in " + dev + ": asleep").doesNotContain("CONTINUE_DESPITE_WARNING");
    }

    @Test
    void outsideProdAFailedCheckIsAWarningAsInTheWindow() throws Exception {
        String preprod = "hmpps-person-record-preprod";
        SimulatedCluster cluster = rolledBack(preprod).podOf(ReleaseHistoryScenario.RECORD, OLD_POD,
                ReleaseHistoryScenario.REPOSITORY + "2025-06-09.5520.aaaa029");

        int code = run(cluster, preprod, "--bad-release", "27");

        assertThat(code).as(printed() + errors()).isZero();
        assertThat(printed()).contains("FAIL  The rollout of hmpps-person-record is complete");
        assertThat(errors()).contains("Warning: the rollback is not shown live");
        assertThat(service.reclusterRequests()).isEqualTo(2);
        assertThat(journal()).contains("Rollback live check in " + preprod + ": NOT passed");
    }

    @Test
    void whetherTheNeedsAttentionJobRanDuringTheRunIsPrintedAndJournalled() throws Exception {
        SimulatedCluster cluster = rolledBack(PROD).needsAttentionJob("0 13 * * *", null);
        // The job starts on its own while batch 1 runs, as at 13:00 it would.
        service.beforeComplete(run -> {
            if (run == 1) {
                try {
                    java.time.Instant now = java.time.Instant.now();
                    cluster.needsAttentionJobRun(now, now.plusSeconds(1), false);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });

        int code = run(cluster, PROD, "--bad-release", "27");

        assertThat(code).as(printed() + errors()).isZero();
        assertThat(printed()).contains("Needs-attention job: hmpps-person-record-recluster-needs-attention-job ran during"
                + " the recluster window");
        assertThat(journal()).contains("\"type\":\"needs_attention_job\"").contains("\"verdict\":\"RAN\"");
    }
}
