package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

class ExportNamesTest {

    @Test
    void namesTheFileAfterEnvironmentAndCutoffInUtcWithoutColons() {
        String name = ExportNames.defaultFileName(Environment.PROD, Instant.parse("2025-06-09T12:21:55Z"));

        assertThat(name).isEqualTo("affected-records-prod-2025-06-09T12-21-55Z.json").doesNotContain(":");
    }

    @Test
    void dropsFractionsOfASecond() {
        String name = ExportNames.defaultFileName(Environment.DEV, Instant.parse("2025-06-09T12:21:55.987654Z"));

        assertThat(name).isEqualTo("affected-records-dev-2025-06-09T12-21-55Z.json");
    }

    @ParameterizedTest
    @CsvSource({
            "LOCAL, affected-records-local-2024-12-31T23-59-59Z.json",
            "DEV, affected-records-dev-2024-12-31T23-59-59Z.json",
            "PREPROD, affected-records-preprod-2024-12-31T23-59-59Z.json",
            "PROD, affected-records-prod-2024-12-31T23-59-59Z.json"})
    void usesTheEnvironmentLabel(Environment env, String expected) {
        assertThat(ExportNames.defaultFileName(env, Instant.parse("2024-12-31T23:59:59Z"))).isEqualTo(expected);
    }

    @Test
    void padsSingleDigitFields() {
        assertThat(ExportNames.defaultFileName(Environment.PREPROD, Instant.parse("2025-01-02T03:04:05Z")))
                .isEqualTo("affected-records-preprod-2025-01-02T03-04-05Z.json");
    }
}
