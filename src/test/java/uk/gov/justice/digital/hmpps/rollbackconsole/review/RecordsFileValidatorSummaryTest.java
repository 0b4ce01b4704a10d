package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;

/** The forms a reviewer is handed, recognised, and what the summary says about them. */
class RecordsFileValidatorSummaryTest {

    @TempDir
    Path folder;

    @Test
    void summarisesTheConsolesOwnFormat() throws IOException {
        Path file = Fixtures.path("runbook-with-person-uuid.json");

        ReviewReport report = new RecordsFileValidator().validate(file);

        assertThat(report.form()).isEqualTo(FileForm.RUNBOOK_WITH_PERSON_UUID);
        assertThat(report.dbeaverQuery()).isNull();
        assertThat(report.problems()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(report.records()).isEqualTo(4);
        assertThat(report.distinctRecords()).isEqualTo(4);
        assertThat(report.bySourceSystem()).containsExactly(entry(SourceSystem.NOMIS, 1L),
                entry(SourceSystem.DELIUS, 1L), entry(SourceSystem.COMMON_PLATFORM, 1L), entry(SourceSystem.LIBRA, 1L));
        assertThat(report.clusters()).isEqualTo(2);
        assertThat(report.withoutPersonUuid()).isEqualTo(1);
        assertThat(report.sizeBytes()).isEqualTo(549).isEqualTo(Files.size(file));
        assertThat(report.sha256())
                .isEqualTo("c337cf54e2feaedb36bed15fc02f48232993026223958de51de094623bd57d7b")
                .isEqualTo(Sha256.of(file));
        assertThat(report.safeToSend()).isTrue();
    }

    @Test
    void recognisesTheLaterRunbooksFormatWithoutPersonUuid() throws IOException {
        ReviewReport report = new RecordsFileValidator().validate(Fixtures.path("runbook-without-person-uuid.json"));

        assertThat(report.form()).isEqualTo(FileForm.RUNBOOK_WITHOUT_PERSON_UUID);
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.count(SourceSystem.DELIUS)).isEqualTo(2);
        assertThat(report.count(SourceSystem.NOMIS)).isEqualTo(1);
        assertThat(report.clusters()).isZero();
        assertThat(report.withoutPersonUuid()).isEqualTo(3);
        assertThat(report.safeToSend()).isTrue();
    }

    @Test
    void recognisesDbeaversExportAndShowsItsQueryOnOneShortLine() throws IOException {
        ReviewReport report = new RecordsFileValidator().validate(Fixtures.path("dbeaver.json"));

        assertThat(report.form()).isEqualTo(FileForm.DBEAVER_EXPORT);
        assertThat(report.dbeaverQuery()).isEqualTo("select el.person_uuid, el.source_system, el.source_system_id "
                + "from personrecordservice.event_log el…");
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.count(SourceSystem.COMMON_PLATFORM)).isEqualTo(1);
        assertThat(report.count(SourceSystem.NOMIS)).isEqualTo(1);
        assertThat(report.clusters()).isEqualTo(1);
        assertThat(report.withoutPersonUuid()).isEqualTo(1);
        assertThat(report.safeToSend()).isTrue();
    }

    @Test
    void hashesInTheSamePassWhatTheExporterHashedOnTheWayOut() throws Exception {
        List<AffectedRecord> rows = List.of(
                new AffectedRecord(UUID.fromString("782a5cbe-5a10-4694-a046-0be9e82f0591"), SourceSystem.NOMIS,
                        "A1234BC", 1, Instant.EPOCH),
                new AffectedRecord(null, SourceSystem.DELIUS, "X123456", 1, Instant.EPOCH),
                new AffectedRecord(null, SourceSystem.LIBRA, "with \"quote\" and é", 1, Instant.EPOCH));
        ExportResult written = new RunbookJsonExport().write(folder.resolve("out.json"), false, RecordSource.of(rows));

        ReviewReport report = new RecordsFileValidator().validate(written.file());

        assertThat(report.sha256()).isEqualTo(written.sha256());
        assertThat(report.sizeBytes()).isEqualTo(written.bytes());
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.form()).isEqualTo(FileForm.RUNBOOK_WITH_PERSON_UUID);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void hashesTheWholeFileEvenWhenTheReadingStopsEarly() throws IOException {
        Path file = Fixtures.path("not-json.json");

        assertThat(new RecordsFileValidator().validate(file).sha256()).isEqualTo(Sha256.of(file));
    }

    @Test
    void countsBatchesOnAllRecordsDuplicatesIncluded() throws IOException {
        ReviewReport report = new RecordsFileValidator().validate(Fixtures.path("duplicates.json"));

        assertThat(report.records()).isEqualTo(4);
        assertThat(report.batches(ReviewReport.DEFAULT_BATCH_SIZE)).isEqualTo(1);
        assertThat(report.batches(3)).isEqualTo(2);
        assertThat(report.batches(4)).isEqualTo(1);
        assertThat(report.batches(1)).isEqualTo(4);
    }

    @Test
    void leavesCountsAtWhatWasReadBeforeAFileEndsEarly() throws IOException {
        ReviewReport report = new RecordsFileValidator().validate(Fixtures.path("truncated.json"));

        assertThat(report.complete()).isFalse();
        assertThat(report.form()).isEqualTo(FileForm.RUNBOOK_WITH_PERSON_UUID);
        assertThat(report.distinctRecords()).isEqualTo(1);
        assertThat(report.safeToSend()).isFalse();
        assertThat(report.firstError()).map(Problem::code).contains(ProblemCode.TRUNCATED);
    }
}
