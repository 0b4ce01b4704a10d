package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaskingTest {

    private final Masking presenter = Masking.presenter(List.of("replica.abc123.eu-west-2.rds.amazonaws.com",
            "person_record_ro", "personrecord", "127.0.0.1"));

    @Test
    void sourceIdsKeepTheirFirstThreeCharacters() {
        assertThat(presenter.sourceId("A1234BC")).isEqualTo("A12*****");
        assertThat(presenter.sourceId("X100005")).isEqualTo("X10*****");
        // The length is not shown either.
        assertThat(presenter.sourceId("1234567890123")).isEqualTo("123*****");
    }

    @Test
    void uuidsAreShortenedToTheirEnds() {
        assertThat(presenter.uuid("3f2a0000-0000-4000-8000-000000009c1d")).isEqualTo("3f2a\u20269c1d");
    }

    @Test
    void textHasIdsUuidsAndConnectionDetailsMasked() {
        String text = "Batch 2 (DELIUS X100021 to NOMIS A1020AA) on cluster cf000000-0000-4000-8000-000000000003 via "
                + "person_record_ro@replica.abc123.eu-west-2.rds.amazonaws.com:5432/personrecord; LIBRA 40021 too.";
        assertThat(presenter.text(text)).isEqualTo("Batch 2 (DELIUS X10***** to NOMIS A10*****) on cluster "
                + "cf00\u20260003 via per*****@rep*****:5432/per*****; LIBRA 400***** too.");
    }

    @Test
    void countsTimesDigestsAndLoopbackStayReadable() {
        String text = "Exported 800,000 records at 2025-06-09 12:21:55 UTC to affected-records-local-2025-06-09T12-21-55Z.json, "
                + "SHA-256 fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9, through 127.0.0.1:8080.";
        assertThat(presenter.text(text)).isEqualTo(text);
    }

    @Test
    void noneShowsEverythingAsItIs() {
        assertThat(Masking.NONE.text("DELIUS X100021 cf000000-0000-4000-8000-000000000003"))
                .isEqualTo("DELIUS X100021 cf000000-0000-4000-8000-000000000003");
        assertThat(Masking.NONE.sourceId("A1234BC")).isEqualTo("A1234BC");
    }
}
