package uk.gov.justice.digital.hmpps.rollbackconsole.report;

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
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

/** A report written in presenter mode names no identifier and no connection detail in full. */
class ReportMaskingTest {

    private static final Clock GENERATED = Clock.fixed(Instant.parse("2025-06-10T15:00:00Z"), ZoneOffset.UTC);
    private static final List<String> IDS = List.of("A1006AA", "A1013AA", "X100012", "X100021", "A1001AA", "A1020AA",
            "cf000000-0000-4000-8000-000000000014", "8b8b8b8b-0000-4000-8000-000000000008",
            TestReplica.CLUSTER_4_OVERRIDE_CONFLICT.toString(), "personrecord");

    @TempDir
    Path temp;

    private IncidentReport report;

    @BeforeEach
    void sampleIncident() throws IOException {
        Path folder = temp.resolve("2025-06-10T14-02-00Z-preprod");
        StepClock clock = new StepClock(SampleIncident.START, Duration.ofSeconds(30));
        SampleIncident.write(folder, clock);
        IncidentState state = new IncidentStore(temp, clock).open(folder);
        OutstandingClusters outstanding = new OutstandingClusters(SampleIncident.WINDOW, List.of(
                new OutstandingCluster(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT, "OVERRIDE_CONFLICT", Map.of(
                        SourceSystem.NOMIS, List.of("A1006AA"),
                        SourceSystem.COMMON_PLATFORM, List.of("cf000000-0000-4000-8000-000000000014")), 0),
                new OutstandingCluster(UUID.fromString("8b8b8b8b-0000-4000-8000-000000000008"), "BROKEN_CLUSTER",
                        Map.of(SourceSystem.NOMIS, List.of("A1013AA")), 1)),
                3, Instant.parse("2025-06-10T14:41:00Z"));
        report = IncidentReport.of(state, null, null, outstanding, List.of(), GENERATED);
    }

    private static Masking presenter() {
        return Masking.presenter(List.of("127.0.0.1", "personrecord", "person_record_ro"));
    }

    @Test
    void theWrittenReportMasksEveryIdentifierInBothForms() throws IOException {
        // Unmasked, the report names them all: the masked one below is not empty by accident.
        String plain = MarkdownReport.render(report);
        assertThat(IDS).allSatisfy(id -> assertThat(plain).contains(id));

        ReportWriter.Written written = ReportWriter.write(temp, report, true, presenter());
        String md = Files.readString(written.markdown().path());
        String html = Files.readString(written.html().path());
        for (String id : IDS) {
            assertThat(md).doesNotContain(id);
            assertThat(html).doesNotContain(id);
        }
        // Markdown escapes the stars, so that they show as stars.
        assertThat(md).contains("NOMIS A10\\*\\*\\*\\*\\*").contains("8b8b\u20260008").contains("Identifiers are masked");
        assertThat(html).contains("A10*****").contains("8b8b\u20260008");
        // Counts and times are still there to read.
        assertThat(md).contains("2025-06-10").contains("OVERRIDE\\_CONFLICT");
    }

    @Test
    void theChannelSummaryIsMaskedToo() {
        String plain = ChannelSummary.render(report);
        String masked = ChannelSummary.render(report, presenter());
        assertThat(masked).isEqualTo(presenter().text(plain));
        assertThat(Masking.NONE.text(plain)).isEqualTo(plain);
    }
}
