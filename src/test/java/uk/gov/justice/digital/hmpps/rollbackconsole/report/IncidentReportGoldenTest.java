package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * The report of a fixed incident, byte for byte. After a deliberate change of wording or layout, regenerate with
 * {@code -Dreport.golden.update=true} and review the diff of src/test/resources/report.
 */
class IncidentReportGoldenTest {

    private static final Clock GENERATED = Clock.fixed(Instant.parse("2025-06-10T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private IncidentReport report;

    @BeforeEach
    void fixedIncident() throws IOException {
        Path folder = temp.resolve("2025-06-10T14-02-00Z-preprod");
        StepClock clock = new StepClock(SampleIncident.START, Duration.ofSeconds(30));
        SampleIncident.write(folder, clock);
        try (IncidentJournal journal = IncidentJournal.resume(folder, clock)) {
            journal.append(new JournalEntry.Decision(DecisionKind.NOTE, null,
                    "Agreed with the <on-call> lead | data science to *check* the list\nbefore closing."));
            journal.append(JournalEntry.ClusterTargetSet.of("kubectl", "live.cloud-platform.service.justice.gov.uk",
                    "hmpps-person-record-preprod"));
            journal.append(new JournalEntry.NeedsAttentionJobSeen(Instant.parse("2025-06-10T14:06:30Z"),
                    Instant.parse("2025-06-10T14:15:00Z"), "MAY_HAVE_RUN", "hmpps-person-record-recluster-needs-attention-job"
                    + " started at 2025-06-10 13:30 UTC (14:30 BST), less than an hour before the recluster window: the"
                    + " service goes on with its work after the Job ends, so it may have run during the recluster."));
        }
        IncidentState state = new IncidentStore(temp, clock).open(folder);
        OutstandingClusters outstanding = new OutstandingClusters(SampleIncident.WINDOW, List.of(
                new OutstandingCluster(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT, "OVERRIDE_CONFLICT", Map.of(
                        SourceSystem.NOMIS, List.of("A1006AA"),
                        SourceSystem.COMMON_PLATFORM, List.of("cf000000-0000-4000-8000-000000000014")), 0),
                new OutstandingCluster(UUID.fromString("8b8b8b8b-0000-4000-8000-000000000008"), "BROKEN_CLUSTER",
                        Map.of(SourceSystem.NOMIS, List.of("A1013AA")), 1)),
                3, Instant.parse("2025-06-10T14:41:00Z"));
        report = IncidentReport.of(state, null, null, outstanding, List.of(new IncidentReport.ReportFile(
                "outstanding clusters (JSON)", Path.of("/incidents/outstanding-clusters-preprod-2025-06-10T14-40-00Z.json"),
                "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9")), GENERATED);
    }

    @Test
    void markdownIsTheExpectedDocument() throws IOException {
        assertGolden("expected.md", MarkdownReport.render(report));
    }

    @Test
    void htmlIsTheExpectedSelfContainedDocument() throws IOException {
        String html = HtmlReport.render(report);

        assertGolden("expected.html", html);
        // nothing fetched, nothing run
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("src=").doesNotContainIgnoringCase("url(")
                .doesNotContain("https://").doesNotContain("@import");
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<style>");
        // free text is escaped, never markup
        assertThat(html).contains("&lt;on-call&gt;").doesNotContain("<on-call>");
    }

    @Test
    void theChannelSummaryIsAFewPlainLines() {
        assertThat(ChannelSummary.render(report)).isEqualTo("""
                Person Record rollback in preprod: in progress, at Outcome.
                Cutoff 2025-06-09 12:21:55 UTC (2025-06-09 13:21:55 Europe/London).
                Affected records: 16.
                Batches: 3 of 3 sent (16 records); 0 of unknown outcome; 0 not sent.
                Not found: 1; skipped (merged): 1.
                NEEDS_ATTENTION clusters: 2 before, 1 after (-1).
                Outstanding for manual resolution: 2 (3 NEEDS_ATTENTION in the replica).
                """);
    }

    @Test
    void writingTheReportPublishesBothFormsAndJournalsTheirDigests() throws IOException {
        Path folder = report.state().folder();
        try (IncidentJournal journal = IncidentJournal.resume(folder, GENERATED)) {
            ReportWriter.Written written = ReportWriter.write(journal, report, false);

            assertThat(written.markdown().path()).hasContent(MarkdownReport.render(report).stripTrailing());
            assertThat(written.html().sha256()).isEqualTo(Sha256.of(folder.resolve(ReportWriter.HTML_NAME)));
        }
        IncidentState after = new IncidentStore(temp, GENERATED).open(folder);
        assertThat(after.finished()).isTrue();
        assertThat(after.reports()).extracting(JournalEntry.ReportWritten::path)
                .containsExactly(folder.resolve(ReportWriter.MARKDOWN_NAME), folder.resolve(ReportWriter.HTML_NAME));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("report.golden.update")) {
            Files.writeString(Path.of("src/test/resources/report", name), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = IncidentReportGoldenTest.class.getResourceAsStream("/report/" + name)) {
            assertThat(in).as("src/test/resources/report/" + name).isNotNull();
            byte[] expected = in.readAllBytes();
            assertThat(new String(expected, StandardCharsets.UTF_8)).isEqualTo(actual);
            assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }
}
