package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecordTally;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Cutoff;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffInput;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffParser;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.WrittenFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * A whole incident over the seeded replica, every file written as the console writes it: journal, export,
 * outstanding clusters (CSV and JSON), report (Markdown and HTML). None may hold a seeded personal value, nor the
 * password the connection was given.
 */
class PersonalDataInWrittenFilesTest {

    @TempDir
    Path root;

    @Test
    void noFileTheIncidentWritesHoldsAPersonalValueOrThePassword() throws Exception {
        TestReplica.reseed();
        StepClock clock = new StepClock(SampleIncident.START, Duration.ofSeconds(7));
        IncidentStore store = new IncidentStore(root, clock);
        ConnectionSettings settings = TestReplica.settings().withPassword(SampleIncident.PASSWORD.toCharArray());
        // an everything window, so that every seeded record and cluster is read
        AffectedWindow window = new AffectedWindow(java.time.Instant.parse("2000-01-01T00:00:00Z"),
                java.time.Instant.parse("2100-01-01T00:00:00Z"));
        Cutoff cutoff = ((CutoffInput.Valid) CutoffParser.parse("2000-01-01 00:00:00",
                java.time.ZoneOffset.UTC)).cutoff();

        Path folder;
        try (Replica replica = Replica.connect(settings);
             IncidentJournal journal = store.start(Environment.LOCAL, "0.1.0")) {
            folder = journal.folder();
            journal.append(JournalEntry.Connected.of(settings));
            journal.append(JournalEntry.CutoffSet.of(cutoff));
            AffectedCounts counts = replica.counts(window).run();
            journal.append(new JournalEntry.CountsTaken(window, counts));
            List<AffectedRecord> rows = new ArrayList<>();
            AffectedRecordTally tally = new AffectedRecordTally();
            replica.affectedRecords(window, RecordMode.DISTINCT_RECORDS, r -> {
                rows.add(r);
                tally.add(r);
            }).run();
            journal.append(JournalEntry.PreviewTaken.of(window, RecordMode.DISTINCT_RECORDS, tally.summary()));
            ClusterStatistics before = replica.clusterStatistics(window).run();
            journal.append(new JournalEntry.StatisticsTaken(JournalEntry.Phase.BEFORE, before));
            ExportResult export = new RunbookJsonExport().write(folder.resolve("affected-records.json"), false,
                    RecordSource.of(rows));
            journal.append(new JournalEntry.Exported(export.file(), export.sha256(), export.records()));
            journal.append(new JournalEntry.PodChosen("hmpps-person-record-dev", "hmpps-person-record-abc-12345"));
            journal.append(new JournalEntry.BatchesPlanned(1, rows.size(), 500));
            journal.append(new JournalEntry.BatchSending(1, rows.get(0).key(), rows.get(rows.size() - 1).key(),
                    rows.size()));
            journal.append(new JournalEntry.BatchAnswered(1, 200, "accepted"));
            journal.append(new JournalEntry.RunCounted(1, rows.size(), 0, 0));
            ClusterStatistics after = replica.clusterStatistics(window).run();
            journal.append(new JournalEntry.StatisticsTaken(JournalEntry.Phase.AFTER, after));
            OutstandingClusters outstanding = replica.outstandingClusters(window).run();
            OutstandingClustersFiles files = new OutstandingClustersFiles();
            WrittenFile csv = files.writeCsv(folder.resolve("outstanding.csv"), false, outstanding);
            journal.append(new JournalEntry.FileWritten("outstanding clusters (CSV)", csv.path(), csv.sha256()));
            WrittenFile json = files.writeJson(folder.resolve("outstanding.json"), false, outstanding);
            journal.append(new JournalEntry.FileWritten("outstanding clusters (JSON)", json.path(), json.sha256()));
            IncidentState state = store.open(folder);
            IncidentReport report = IncidentReport.of(state, null, null, outstanding, List.of(), clock);
            ReportWriter.write(journal, report, false);
            Files.writeString(folder.resolve("summary.txt"), ChannelSummary.render(report));

            assertThat(outstanding.clusters()).hasSize(2);
            assertThat(rows).hasSize(23);
        }

        List<Path> written;
        try (Stream<Path> walk = Files.walk(root)) {
            written = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                IncidentJournal.FILE_NAME, "affected-records.json", "outstanding.csv", "outstanding.json",
                ReportWriter.MARKDOWN_NAME, ReportWriter.HTML_NAME, "summary.txt");
        for (Path file : written) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String value : TestReplica.PERSONAL_VALUES) {
                assertThat(text).as("%s holds %s", file.getFileName(), value).doesNotContain(value);
            }
            assertThat(text).as("%s", file.getFileName()).doesNotContain(SampleIncident.PASSWORD);
        }
        // the files do carry what they should: the ids of the records and clusters
        assertThat(Files.readString(folder.resolve(ReportWriter.MARKDOWN_NAME)))
                .contains(TestReplica.CLUSTER_3_BROKEN.toString(), "X100005");
        assertThat(store.open(folder).finished()).isTrue();
    }
}
