package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.review.ProblemCode.*;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** One file per kind of problem, each problem pinned to its exact words, line, column and record. */
class RecordsFileValidatorProblemsTest {

    private static final String SEND_ANYWAY = "the service ignores person_uuid, so this does not stop a send";

    @Test
    void reportsACsvFileAsNotJsonAtItsFirstCharacter() throws IOException {
        ReviewReport report = review("not-json.json");

        assertThat(report.problems()).containsExactly(new Problem(NOT_JSON, "not valid JSON: Unrecognized token "
                + "'person_uuid': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                1, 1, 0));
        assertThat(report.form()).isEqualTo(FileForm.UNRECOGNISED);
        assertThat(report.complete()).isFalse();
    }

    @Test
    void reportsAFileCutShortInsideARecordWhereItEnds() throws IOException {
        ReviewReport report = review("truncated.json");

        assertThat(report.problems()).containsExactly(new Problem(TRUNCATED,
                "the file ends inside this record: it looks cut short; export it again", 9, 16, 2));
        assertThat(report.records()).isEqualTo(2);
    }

    @Test
    void reportsAFileCutShortBetweenRecordsWithTheRecordsItHolds() throws IOException {
        assertThat(review("truncated-between-records.json").problems()).containsExactly(new Problem(TRUNCATED,
                "the file ends after 1 record, before the list is closed: it looks cut short; export it again", 7, 1, 0));
    }

    @Test
    void reportsATopLevelThatIsNeitherAListNorDbeaversObject() throws IOException {
        assertThat(review("wrong-top-level.json").problems()).containsExactly(new Problem(WRONG_TOP_LEVEL,
                "the file must be a list of records [ { ... }, ... ], but it is a string", 1, 1, 0));
    }

    @Test
    void suggestsPuttingASingleRecordInsideAList() throws IOException {
        assertThat(review("single-record.json").problems()).containsExactly(new Problem(WRONG_TOP_LEVEL,
                "the file is a single record, not a list of records: put it inside [ ]", 1, 1, 0));
    }

    @Test
    void refusesASecondQueryInDbeaversExport() throws IOException {
        ReviewReport report = review("dbeaver-two-queries.json");

        assertThat(report.problems()).containsExactly(new Problem(WRONG_TOP_LEVEL, "DBeaver's export holds the rows"
                + " of one query, but a second one, \"select 1\", follows: export one query per file", 8, 1, 0));
        assertThat(report.records()).isEqualTo(1);
    }

    @Test
    void reportsAnElementThatIsNotAnObject() throws IOException {
        ReviewReport report = review("not-an-object.json");

        assertThat(report.problems()).containsExactly(new Problem(NOT_AN_OBJECT, "this element is the string "
                + "\"A1234BC\", but every element must be an object { \"source_system\": ..., \"source_system_id\": ... }",
                2, 3, 1));
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.distinctRecords()).isEqualTo(1);
    }

    @Test
    void reportsMissingAndNullFieldsAndPointsAtANearMiss() throws IOException {
        assertThat(review("missing-fields.json").problems()).containsExactly(
                new Problem(MISSING_SOURCE_SYSTEM,
                        "no source_system (there is \"sourceSystem\", but the service reads only \"source_system\")",
                        2, 3, 1),
                new Problem(EXTRA_FIELD, "extra field \"sourceSystem\" in 1 record: the service ignores it", 4, 5, 1),
                new Problem(MISSING_SOURCE_SYSTEM_ID, "source_system_id is null", 10, 26, 2));
    }

    @Test
    void reportsUnknownSourceSystemsWithASuggestionWhereOneFits() throws IOException {
        assertThat(review("unknown-source-system.json").problems()).containsExactly(
                new Problem(UNKNOWN_SOURCE_SYSTEM, "unknown source_system \"Delius\" — did you mean \"DELIUS\"?", 2, 23, 1),
                new Problem(UNKNOWN_SOURCE_SYSTEM, "unknown source_system \"PRISON\": it must be one of NOMIS, DELIUS,"
                        + " COMMON_PLATFORM, LIBRA, written exactly so", 3, 23, 2),
                new Problem(SOURCE_SYSTEM_NOT_TEXT, "source_system is the number 1, but it must be one of NOMIS, DELIUS,"
                        + " COMMON_PLATFORM, LIBRA in quotes", 4, 23, 3));
    }

    @Test
    void reportsEmptyAndBlankIdsAndWarnsOfSpaceAroundOne() throws IOException {
        ReviewReport report = review("blank-ids.json");

        assertThat(report.problems()).containsExactly(
                new Problem(BLANK_ID, "source_system_id is empty", 2, 53, 1),
                new Problem(BLANK_ID, "source_system_id is blank: \"   \"", 3, 53, 2),
                new Problem(ID_WHITESPACE, "source_system_id \" A1234BC\" has blank space at the start or end: the"
                        + " service looks it up exactly as written and would not find the record", 4, 53, 3));
        assertThat(report.distinctRecords()).isEqualTo(1);
    }

    @Test
    void warnsOfANumberIdButStillCallsTheFileSafe() throws IOException {
        ReviewReport report = review("number-id.json");

        assertThat(report.problems()).containsExactly(new Problem(ID_IS_NUMBER, "source_system_id is the number"
                + " 1234567, not a string: the service accepts it as \"1234567\", but ids are strings in every source"
                + " system", 2, 53, 1));
        assertThat(report.safeToSend()).isTrue();
    }

    @Test
    void refusesIdsThatAreTrueOrAnObject() throws IOException {
        assertThat(review("not-text-ids.json").problems()).containsExactly(
                new Problem(ID_NOT_TEXT, "source_system_id is true, but it must be a string", 2, 53, 1),
                new Problem(ID_NOT_TEXT, "source_system_id is an object, but it must be a string", 3, 53, 2));
    }

    @Test
    void refusesAnIdLongerThanAnySourceSystemUses() throws IOException {
        assertThat(review("long-id.json").problems()).containsExactly(new Problem(ID_TOO_LONG,
                "source_system_id is 300 characters long; no source system has ids longer than 256", 2, 63, 1));
    }

    @Test
    void warnsOfAMalformedPersonUuidWithoutBlockingTheSend() throws IOException {
        ReviewReport report = review("malformed-person-uuid.json");

        assertThat(report.problems()).containsExactly(
                new Problem(MALFORMED_PERSON_UUID, "person_uuid \"782a5cbe-5a10-4694-a046\" is not a UUID; "
                        + SEND_ANYWAY, 2, 21, 1),
                new Problem(MALFORMED_PERSON_UUID, "person_uuid is the number 42, not a UUID in quotes or null; "
                        + SEND_ANYWAY, 3, 21, 2));
        assertThat(report.safeToSend()).isTrue();
        assertThat(report.clusters()).isZero();
    }

    @Test
    void namesTheEarlierRecordEachDuplicateRepeats() throws IOException {
        ReviewReport report = review("duplicates.json");

        String repeats = "repeats record 1 (NOMIS \"A1234BC\"): the service would recluster it again";
        assertThat(report.problems()).containsExactly(
                new Problem(DUPLICATE_RECORD, repeats, 4, 3, 3),
                new Problem(DUPLICATE_RECORD, repeats, 5, 3, 4));
        assertThat(report.records()).isEqualTo(4);
        assertThat(report.distinctRecords()).isEqualTo(2);
        assertThat(report.safeToSend()).isTrue();
    }

    @Test
    void reportsEachExtraFieldOnceWithItsCountAndFlagsPersonalData() throws IOException {
        assertThat(review("extra-fields.json").problems()).containsExactly(
                new Problem(EXTRA_FIELD, "extra field \"event_count\" in 2 records (the first is shown): the service"
                        + " ignores it", 2, 64, 1),
                new Problem(EXTRA_FIELD, "field \"first_name\" holds personal data, in 1 record: the service ignores"
                        + " it, but the file should hold only person_uuid, source_system and source_system_id", 3, 83, 2));
    }

    @Test
    void namesTheFirstByteThatIsNotUtf8WhereAnEditorShowsIt() throws IOException {
        ReviewReport report = review("latin1.json");

        assertThat(report.problems()).containsExactly(new Problem(NOT_UTF8, "byte 0xE9 is not valid UTF-8: save the"
                + " file as UTF-8 (Latin-1 and Windows-1252 text look like this)", 2, 57, 1));
        assertThat(report.complete()).isFalse();
    }

    @Test
    void recognisesAUtf16FileByItsFirstBytes() throws IOException {
        assertThat(review("utf16.json").problems()).containsExactly(new Problem(NOT_UTF8,
                "the file is UTF-16 text, but the service reads UTF-8: save it as UTF-8", 1, 1, 0));
    }

    @Test
    void refusesNestingDeeperThanARecordCanNeed() throws IOException {
        assertThat(review("too-deep.json").problems()).containsExactly(
                new Problem(EXTRA_FIELD, "extra field \"extra\" in 1 record: the service ignores it", 2, 64, 1),
                new Problem(TOO_LARGE, "values are nested more than 16 levels deep: the records of a records file"
                        + " hold only plain values", 2, 88, 1));
    }

    @Test
    void warnsThatAnEmptyListHasNothingToSend() throws IOException {
        ReviewReport report = review("empty-list.json");

        assertThat(report.problems()).containsExactly(new Problem(EMPTY_LIST, "the list is empty: nothing to send", 1, 1, 0));
        assertThat(report.errorCount()).isZero();
        assertThat(report.safeToSend()).isFalse();
        assertThat(report.form()).isEqualTo(FileForm.EMPTY_LIST);
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertThat(review("empty.json").problems()).containsExactly(new Problem(EMPTY_FILE, "the file is empty", 1, 1, 0));
    }

    @Test
    void refusesWhatFollowsTheList() throws IOException {
        assertThat(review("trailing-content.json").problems()).containsExactly(new Problem(TRAILING_CONTENT,
                "the list has ended, but a list follows it: remove everything after the closing ]", 4, 1, 0));
    }

    @Test
    void refusesAFieldGivenTwiceInOneRecord() throws IOException {
        assertThat(review("duplicate-field.json").problems()).containsExactly(new Problem(DUPLICATE_FIELD,
                "source_system appears twice in this record: the service would keep only the last one", 2, 32, 1));
    }

    @Test
    void countsColumnsInCharactersAfterNonAsciiText() throws IOException {
        assertThat(review("non-ascii-column.json").problems()).containsExactly(
                new Problem(EXTRA_FIELD, "extra field \"note\" in 1 record: the service ignores it", 1, 5, 1),
                new Problem(UNKNOWN_SOURCE_SYSTEM, "unknown source_system \"Delius\" — did you mean \"DELIUS\"?", 1, 44, 1));
    }

    @Test
    void leavesAByteOrderMarkOutOfTheFirstLinesColumns() throws IOException {
        assertThat(review("byte-order-mark.json").problems()).containsExactly(new Problem(UNKNOWN_SOURCE_SYSTEM,
                "unknown source_system \"nomis\" — did you mean \"NOMIS\"?", 1, 23, 1));
    }

    private static ReviewReport review(String name) throws IOException {
        return new RecordsFileValidator().validate(Fixtures.path(name));
    }
}
