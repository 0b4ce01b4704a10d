package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewReportTest {

    @Test
    void roundsBatchesUp() {
        assertThat(report(0, Map.of()).batches(500)).isZero();
        assertThat(report(500, Map.of()).batches(500)).isEqualTo(1);
        assertThat(report(501, Map.of()).batches(500)).isEqualTo(2);
        assertThat(report(1_000_000, Map.of()).batches(500)).isEqualTo(2_000);
    }

    @Test
    void refusesABatchSizeBelowOne() {
        assertThatThrownBy(() -> report(1, Map.of()).batches(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSafeToSendWithWarningsButNotWithAnErrorOrNothingToSend() {
        assertThat(report(3, Map.of(ProblemCode.DUPLICATE_RECORD, 2L, ProblemCode.ID_IS_NUMBER, 1L)).safeToSend()).isTrue();
        assertThat(report(3, Map.of(ProblemCode.UNKNOWN_SOURCE_SYSTEM, 1L)).safeToSend()).isFalse();
        assertThat(report(0, Map.of(ProblemCode.EMPTY_LIST, 1L)).safeToSend()).isFalse();
    }

    @Test
    void countsErrorsAndWarningsSeparately() {
        ReviewReport report = report(3, Map.of(ProblemCode.DUPLICATE_RECORD, 2L, ProblemCode.BLANK_ID, 5L,
                ProblemCode.NOT_AN_OBJECT, 1L));

        assertThat(report.errorCount()).isEqualTo(6);
        assertThat(report.warningCount()).isEqualTo(2);
        assertThat(report.notShown(ProblemCode.BLANK_ID)).isEqualTo(5);
    }

    private static ReviewReport report(long records, Map<ProblemCode, Long> counts) {
        return new ReviewReport(Path.of("f.json"), FileForm.RUNBOOK_WITH_PERSON_UUID, null, true, records, records,
                Map.of(), 0, 0, 0, "", List.of(), counts);
    }
}
