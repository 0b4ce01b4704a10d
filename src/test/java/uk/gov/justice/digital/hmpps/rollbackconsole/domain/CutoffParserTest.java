package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffParser.LONDON;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CutoffParserTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Cutoff valid(String text, ZoneId zone) {
        CutoffInput input = CutoffParser.parse(text, zone);
        assertThat(input).as("parse of %s", text).isInstanceOf(CutoffInput.Valid.class);
        return ((CutoffInput.Valid) input).cutoff();
    }

    private static String invalid(String text, ZoneId zone) {
        CutoffInput input = CutoffParser.parse(text, zone);
        assertThat(input).as("parse of %s", text).isInstanceOf(CutoffInput.Invalid.class);
        return ((CutoffInput.Invalid) input).message();
    }

    @Nested
    class TheRunbooksForm {

        @Test
        void readsASummerDateInLondonAsBst() {
            Cutoff cutoff = valid("2025-06-09 13:21:55", LONDON);

            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55Z"));
            assertThat(cutoff.local()).isEqualTo(LocalDateTime.of(2025, 6, 9, 13, 21, 55));
            assertThat(cutoff.zone()).isEqualTo(LONDON);
            assertThat(cutoff.zoneAbbreviation()).isEqualTo("BST");
            assertThat(EventClock.UK.lowerBound(cutoff.instant()).value()).isEqualTo(LocalDateTime.of(2025, 6, 9, 13, 21, 55));
            assertThat(cutoff.typed()).isEqualTo("2025-06-09 13:21:55");
        }

        @Test
        void readsAWinterDateInLondonAsGmt() {
            Cutoff cutoff = valid("2025-01-15 10:00:00", LONDON);

            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
            assertThat(cutoff.zoneAbbreviation()).isEqualTo("GMT");
        }

        @Test
        void readsTheSameTextAsUtcWhenUtcIsChosen() {
            Cutoff cutoff = valid("2025-06-09 13:21:55", UTC);

            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-06-09T13:21:55Z"));
            assertThat(cutoff.zoneAbbreviation()).isEqualTo("UTC");
            assertThat(cutoff.describe()).isEqualTo("2025-06-09 13:21:55 UTC");
        }

        @Test
        void readsAnyOtherZone() {
            Cutoff cutoff = valid("2025-06-09 14:21:55", ZoneId.of("Europe/Paris"));

            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55Z"));
            assertThat(cutoff.zoneAbbreviation()).isEqualTo("CEST");
        }

        @ParameterizedTest
        @CsvSource({
                "2025-06-09 13:21:55.1, 100000000",
                "2025-06-09 13:21:55.12, 120000000",
                "2025-06-09 13:21:55.123, 123000000",
                "2025-06-09 13:21:55.1234, 123400000",
                "2025-06-09 13:21:55.999999, 999999000"})
        void keepsAFractionOfASecond(String text, int nanos) {
            assertThat(valid(text, LONDON).instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55Z").plusNanos(nanos));
        }

        @Test
        void acceptsTInsteadOfTheSpace() {
            assertThat(valid("2025-06-09T13:21:55", LONDON).instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55Z"));
        }

        @Test
        void acceptsATimeWithoutSeconds() {
            assertThat(valid("2025-06-09 13:21", LONDON).instant()).isEqualTo(Instant.parse("2025-06-09T12:21:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"  2025-06-09 13:21:55\n", "'2025-06-09 13:21:55'", "\"2025-06-09 13:21:55\"",
                " '2025-06-09 13:21:55' ", "`2025-06-09 13:21:55`"})
        void stripsSurroundingWhitespaceAndQuotesCopiedFromSql(String text) {
            Cutoff cutoff = valid(text, LONDON);

            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55Z"));
            assertThat(cutoff.typed()).isEqualTo(text);
        }
    }

    @Nested
    class ExplicitOffsets {

        @ParameterizedTest
        @ValueSource(strings = {"2025-06-09T12:21:55Z", "2025-06-09T13:21:55+01:00", "2025-06-09T13:21:55+0100",
                "2025-06-09T13:21:55+01", "2025-06-09 13:21:55 +01:00", "2025-06-09T07:21:55-05:00",
                "2025-06-09t12:21:55z"})
        void fixTheInstantWhateverZoneIsChosen(String text) {
            for (ZoneId zone : List.of(LONDON, UTC, ZoneId.of("Asia/Tokyo"))) {
                assertThat(valid(text, zone).instant()).as("in %s", zone)
                        .isEqualTo(Instant.parse("2025-06-09T12:21:55Z"));
            }
        }

        @Test
        void showTheInstantInTheChosenZoneAndKeepWhatWasTyped() {
            Cutoff cutoff = valid("2025-06-09T12:21:55Z", LONDON);

            assertThat(cutoff.local()).isEqualTo(LocalDateTime.of(2025, 6, 9, 13, 21, 55));
            assertThat(cutoff.zone()).isEqualTo(LONDON);
            assertThat(cutoff.zoneAbbreviation()).isEqualTo("BST");
            assertThat(cutoff.typed()).isEqualTo("2025-06-09T12:21:55Z");
        }

        @Test
        void settleATimeThatWouldOtherwiseBeAmbiguous() {
            assertThat(valid("2025-10-26T01:30:00+01:00", LONDON).instant())
                    .isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
            assertThat(valid("2025-10-26T01:30:00Z", LONDON).instant())
                    .isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
        }

        @Test
        void rejectAnOffsetBeyondEighteenHours() {
            assertThat(invalid("2025-06-09T13:21:55+25:00", LONDON)).contains("+25:00", "not a valid offset");
        }

        @Test
        void rejectTwoZonesInOneTime() {
            assertThat(invalid("2025-06-09T13:21:55+01:00 BST", LONDON)).contains("two time zones");
            assertThat(invalid("2025-06-09 13:21:55 UTC BST", LONDON)).contains("two time zones");
        }
    }

    @Nested
    class PastedFromTools {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "2025-06-09T12:21:55Z                | 2025-06-09T12:21:55Z",
                "Jun 9, 2025, 1:21 PM GMT+1          | 2025-06-09T12:21:00Z",
                "Jun 9, 2025, 1:21 PM                | 2025-06-09T12:21:00Z",
                "9 Jun 2025, 13:21:55 BST            | 2025-06-09T12:21:55Z",
                "9 Jun 2025, 13:21:55                | 2025-06-09T12:21:55Z",
                "June 9, 2025 at 1:21 PM GMT+1       | 2025-06-09T12:21:00Z",
                "9 Sept 2025, 13:21:55 BST           | 2025-09-09T12:21:55Z"})
        void readsGitHub(String text, String instant) {
            assertThat(valid(text, LONDON).instant()).isEqualTo(Instant.parse(instant));
        }

        @Test
        void readsGitHubWithTheNarrowNoBreakSpaceBrowsersPutBeforePm() {
            assertThat(valid("Jun 9, 2025, 1:21\u202FPM GMT+1", UTC).instant())
                    .isEqualTo(Instant.parse("2025-06-09T12:21:00Z"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "2025-06-09T12:21:55.123Z    | 2025-06-09T12:21:55.123Z",
                "Jun 9, 2025 13:21:55 UTC    | 2025-06-09T13:21:55Z"})
        void readsCircleCi(String text, String instant) {
            assertThat(valid(text, LONDON).instant()).isEqualTo(Instant.parse(instant));
        }

        @Test
        void readsKubectlsNanoseconds() {
            Cutoff cutoff = valid("2025-06-09T12:21:55.123456789Z", LONDON);

            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55.123456789Z"));
            assertThat(cutoff.describe()).endsWith("= 2025-06-09 12:21:55.123456789 UTC");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Mon 9 Jun 13:21:55 BST 2025      | 2025-06-09T12:21:55Z",
                "Mon  9 Jun 13:21:55 BST 2025     | 2025-06-09T12:21:55Z",
                "Mon Jun  9 12:21:55 UTC 2025     | 2025-06-09T12:21:55Z",
                "Mon Jun  9 01:21:55 PM BST 2025  | 2025-06-09T12:21:55Z",
                "Wed 15 Jan 10:00:00 GMT 2025     | 2025-01-15T10:00:00Z"})
        void readsTheDateCommand(String text, String instant) {
            assertThat(valid(text, UTC).instant()).isEqualTo(Instant.parse(instant));
        }
    }

    @Nested
    class ZoneNamesInTheText {

        @Test
        void honourBstOverTheChosenZone() {
            Cutoff cutoff = valid("2025-06-09 13:21:55 BST", UTC);

            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55Z"));
            assertThat(cutoff.local()).isEqualTo(LocalDateTime.of(2025, 6, 9, 12, 21, 55));
        }

        @Test
        void rejectBstOnAWinterDate() {
            String message = invalid("2025-01-15 10:00 BST", LONDON);

            assertThat(message).contains("BST is not in force", "2025-01-15", "30 March", "26 October");
        }

        @Test
        void rejectBstAfterTheClocksWentBack() {
            assertThat(invalid("2025-10-26 03:00 BST", LONDON)).contains("BST is not in force");
        }

        @Test
        void readBstOnTheNightTheClocksGoBackAsTheFirstOfTheTwoTimes() {
            assertThat(valid("2025-10-26 01:30 BST", LONDON).instant()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        }

        @Test
        void readGmtOnTheNightTheClocksGoBackAsTheSecondOfTheTwoTimes() {
            assertThat(valid("2025-10-26 01:30 GMT", LONDON).instant()).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
        }

        @Test
        void askAgainForABstTimeThatNeverHappened() {
            assertThat(CutoffParser.parse("2025-03-30 01:30 BST", UTC)).isInstanceOf(CutoffInput.Nonexistent.class);
        }

        @Test
        void readGmtAsUtcWhateverTheDate() {
            assertThat(valid("2025-06-09 13:21:55 GMT", LONDON).instant())
                    .isEqualTo(Instant.parse("2025-06-09T13:21:55Z"));
        }

        @Test
        void nameAnUnknownZoneAbbreviation() {
            assertThat(invalid("2025-06-09 14:21:55 CEST", LONDON)).contains("\"CEST\"", "UTC, GMT, BST");
        }
    }

    @Nested
    class ClockChanges {

        @Test
        void askAgainForATimeSkippedWhenTheClocksWentForward() {
            CutoffInput input = CutoffParser.parse("2025-03-30 01:30", LONDON);

            assertThat(input).isInstanceOf(CutoffInput.Nonexistent.class);
            CutoffInput.Nonexistent nonexistent = (CutoffInput.Nonexistent) input;
            assertThat(nonexistent.local()).isEqualTo(LocalDateTime.of(2025, 3, 30, 1, 30));
            assertThat(nonexistent.zone()).isEqualTo(LONDON);
            assertThat(nonexistent.message())
                    .contains("2025-03-30 01:30", "clocks went forward from 01:00 to 02:00", "Which time was meant?");
        }

        @Test
        void treatTheStartOfTheGapAsSkippedToo() {
            assertThat(CutoffParser.parse("2025-03-30 01:00", LONDON)).isInstanceOf(CutoffInput.Nonexistent.class);
        }

        @Test
        void readTheTimesEitherSideOfTheGap() {
            Cutoff before = valid("2025-03-30 00:59:59", LONDON);
            Cutoff after = valid("2025-03-30 02:00", LONDON);

            assertThat(before.instant()).isEqualTo(Instant.parse("2025-03-30T00:59:59Z"));
            assertThat(before.zoneAbbreviation()).isEqualTo("GMT");
            assertThat(after.instant()).isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
            assertThat(after.zoneAbbreviation()).isEqualTo("BST");
        }

        @Test
        void offerBothTimesWhenTheClocksWentBack() {
            CutoffInput input = CutoffParser.parse("2025-10-26 01:30", LONDON);

            assertThat(input).isInstanceOf(CutoffInput.Ambiguous.class);
            CutoffInput.Ambiguous ambiguous = (CutoffInput.Ambiguous) input;
            assertThat(ambiguous.local()).isEqualTo(LocalDateTime.of(2025, 10, 26, 1, 30));
            assertThat(ambiguous.zone()).isEqualTo(LONDON);
            assertThat(ambiguous.earlier().instant()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
            assertThat(ambiguous.earlier().zoneAbbreviation()).isEqualTo("BST");
            assertThat(ambiguous.earlier().local()).isEqualTo(ambiguous.local());
            assertThat(ambiguous.later().instant()).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
            assertThat(ambiguous.later().zoneAbbreviation()).isEqualTo("GMT");
            assertThat(ambiguous.later().local()).isEqualTo(ambiguous.local());
            assertThat(ambiguous.later().describe())
                    .isEqualTo("2025-10-26 01:30:00 Europe/London (GMT) = 2025-10-26 01:30:00 UTC");
        }

        @Test
        void readTheTimesEitherSideOfTheOverlap() {
            Cutoff before = valid("2025-10-26 00:59:59", LONDON);
            Cutoff after = valid("2025-10-26 02:00", LONDON);

            assertThat(before.instant()).isEqualTo(Instant.parse("2025-10-25T23:59:59Z"));
            assertThat(before.zoneAbbreviation()).isEqualTo("BST");
            assertThat(after.instant()).isEqualTo(Instant.parse("2025-10-26T02:00:00Z"));
            assertThat(after.zoneAbbreviation()).isEqualTo("GMT");
        }

        @Test
        void meanNothingInUtc() {
            assertThat(valid("2025-03-30 01:30", UTC).instant()).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
            assertThat(valid("2025-10-26 01:30", UTC).instant()).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
        }
    }

    @Nested
    class FromADatePickerAndATimeField {

        @Test
        void readsTheDateAndTimeInTheChosenZone() {
            CutoffInput input = CutoffParser.of(LocalDate.of(2025, 6, 9), LocalTime.of(13, 21, 55), LONDON);

            assertThat(input).isInstanceOf(CutoffInput.Valid.class);
            Cutoff cutoff = ((CutoffInput.Valid) input).cutoff();
            assertThat(cutoff.instant()).isEqualTo(Instant.parse("2025-06-09T12:21:55Z"));
            assertThat(cutoff.typed()).isEqualTo("2025-06-09 13:21:55");
        }

        @Test
        void asksAboutClockChangesAsTypedTextDoes() {
            assertThat(CutoffParser.of(LocalDate.of(2025, 3, 30), LocalTime.of(1, 30), LONDON))
                    .isInstanceOf(CutoffInput.Nonexistent.class);
            assertThat(CutoffParser.of(LocalDate.of(2025, 10, 26), LocalTime.of(1, 30), LONDON))
                    .isInstanceOf(CutoffInput.Ambiguous.class);
        }

        @Test
        void isEmptyUntilEitherIsGiven() {
            assertThat(CutoffParser.of(null, null, LONDON)).isInstanceOf(CutoffInput.Empty.class);
        }

        @Test
        void asksForWhicheverIsMissing() {
            assertThat(CutoffParser.of(null, LocalTime.NOON, LONDON)).isInstanceOf(CutoffInput.Invalid.class);
            assertThat(CutoffParser.of(LocalDate.of(2025, 6, 9), null, LONDON)).isInstanceOf(CutoffInput.Invalid.class);
        }
    }

    @Nested
    class InputItCannotUse {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "''", " \"\" "})
        void isEmptyWhenNothingIsTyped(String text) {
            assertThat(CutoffParser.parse(text, LONDON)).isInstanceOf(CutoffInput.Empty.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "13:21:55", "1749471715", "09/06/2025 13:21", "2025-06-09 13:21:55 foo bar",
                "2025-06-09 13"})
        void listsAcceptedExamplesForTextItCannotRead(String text) {
            assertThat(invalid(text, LONDON)).contains("cannot be read", "2025-06-09 13:21:55", "2025-06-09T12:21:55Z");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-02-30 10:00", "2025-13-01 10:00", "2025-06-09 25:00", "2025-06-09 13:61",
                "Jun 9, 2025, 13:21 PM"})
        void saysWhenTheDateOrTimeIsNotReal(String text) {
            assertThat(invalid(text, LONDON)).contains("not a real date and time", "2025-06-09 13:21:55");
        }

        @Test
        void asksForTheTimeWhenOnlyADateIsGiven() {
            assertThat(invalid("2025-06-09", LONDON)).contains("no time of day");
        }

        @Test
        void catchesAWeekdayThatDoesNotMatchTheDate() {
            assertThat(invalid("Tue 9 Jun 13:21:55 BST 2025", LONDON)).contains("2025-06-09 is a Monday, not a Tuesday");
        }
    }

    @Nested
    class Warnings {

        private final Clock clock = Clock.fixed(Instant.parse("2025-06-10T09:00:00Z"), ZoneOffset.UTC);

        @Test
        void noneForADeploymentYesterday() {
            assertThat(CutoffParser.warnings(valid("2025-06-09 13:21:55", LONDON), clock)).isEmpty();
        }

        @Test
        void warnOfATimeInTheFuture() {
            List<String> warnings = CutoffParser.warnings(valid("2025-06-11 13:21:55", LONDON), clock);

            assertThat(warnings).singleElement().asString()
                    .contains("in the future", "2025-06-11 12:21:55 UTC").endsWith(".");
        }

        @Test
        void suggestALondonTimeReadAsUtcWhenTheFutureIsUnderAnHourAway() {
            List<String> warnings = CutoffParser.warnings(valid("2025-06-10 09:30", UTC), clock);

            assertThat(warnings).singleElement().asString().contains("in the future", "UTC", "time zone");
        }

        @Test
        void warnOfATimeMoreThanNinetyDaysOld() {
            Cutoff old = valid(Instant.parse("2025-06-10T09:00:00Z").minus(Duration.ofDays(91)).toString(), UTC);

            assertThat(CutoffParser.warnings(old, clock)).singleElement().asString()
                    .contains("91 days ago", "implausibly old").endsWith(".");
        }

        @Test
        void noneForATimeJustUnderNinetyDaysOld() {
            Cutoff old = valid(Instant.parse("2025-06-10T09:00:00Z").minus(Duration.ofDays(89)).toString(), UTC);

            assertThat(CutoffParser.warnings(old, clock)).isEmpty();
        }

        @Test
        void warnWhenATimeMarkedGmtFallsInBritishSummerTime() {
            assertThat(CutoffParser.warnings(valid("2025-06-09 13:21:55 GMT", LONDON), clock))
                    .singleElement().asString().contains("marked GMT", "BST");
        }

        @Test
        void noneForGmtInWinter() {
            Clock january = Clock.fixed(Instant.parse("2025-01-16T09:00:00Z"), ZoneOffset.UTC);

            assertThat(CutoffParser.warnings(valid("2025-01-15 10:00 GMT", LONDON), january)).isEmpty();
        }
    }
}
