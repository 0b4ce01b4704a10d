package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffRefusedException;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffTargets;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.FileForm;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Problem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ProblemCode;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileDiff;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Severity;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.HeldTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.ReviewFixtures;

/** The review screen's state and commands, with the work run synchronously and no toolkit. */
class ReviewViewModelTest {

    @TempDir
    Path dir;
    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private Path settingsFile;
    private ReviewViewModel model;

    @BeforeEach
    void create() {
        settingsFile = dir.resolve("settings.properties");
        model = newModel(new DirectTaskRunner());
    }

    private ReviewViewModel newModel(TaskRunner tasks) {
        return new ReviewViewModel(session, tasks, dialogs, new SettingsStore(settingsFile));
    }

    @Test
    void aValidRunbookFileIsSafeToSendAndIsHandedToTheSession() throws Exception {
        Path file = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");

        model.open(file);

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isNull();
        assertThat(model.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.SAFE);
        assertThat(model.verdictProperty().get().headline()).isEqualTo("SAFE TO SEND");
        assertThat(model.verdictProperty().get().detail()).isEqualTo("4 records the service accepts, no errors.");
        assertThat(model.reportProperty().get().form()).isEqualTo(FileForm.RUNBOOK_WITH_PERSON_UUID);
        assertThat(model.problems()).isEmpty();
        assertThat(model.selectedProblemProperty().get()).isNull();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        String sha = Sha256.of(file);
        assertThat(session.reviewedFileProperty().get()).isEqualTo(new ReviewedFile(file, sha, 4));
        assertThat(session.statusProperty().get()).isEqualTo("Reviewed runbook-with-person-uuid.json: safe to send.");
        assertThat(model.recentFiles()).containsExactly(file);
    }

    @Test
    void aFileWithErrorsIsNotSafeAndItsFirstErrorIsShownInItsLines() throws Exception {
        Path file = ReviewFixtures.copy(dir, "unknown-source-system.json");
        List<Problem> expected = new RecordsFileValidator().validate(file).problems();

        model.open(file);

        assertThat(model.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.NOT_SAFE);
        assertThat(model.verdictProperty().get().headline()).isEqualTo("NOT SAFE TO SEND");
        assertThat(model.verdictProperty().get().detail()).startsWith("3 errors have to be fixed before this file is sent");
        assertThat(model.problems()).containsExactlyElementsOf(expected);
        assertThat(session.reviewedFileProperty().get()).isNull();

        assertThat(model.selectedProblemProperty().get()).isEqualTo(expected.get(0));
        FileExcerpt lines = model.excerptProperty().get();
        FileExcerpt.Line marked = lines.lines().stream().filter(FileExcerpt.Line::atPosition).findFirst().orElseThrow();
        assertThat(marked.number()).isEqualTo(2);
        assertThat(marked.text().substring(marked.caret())).startsWith("\"Delius\"");
        assertThat(model.excerptMessageProperty().get()).isNull();

        model.selectedProblemProperty().set(expected.get(2));
        marked = model.excerptProperty().get().lines().stream().filter(FileExcerpt.Line::atPosition).findFirst().orElseThrow();
        assertThat(marked.number()).isEqualTo(4);
        assertThat(marked.text().substring(marked.caret())).startsWith("1, \"source_system_id\"");
    }

    @Test
    void showsProblemsOfOneSeverity() {
        model.open(ReviewFixtures.copy(dir, "missing-fields.json"));
        assertThat(model.visibleProblems()).extracting(Problem::code).containsExactly(ProblemCode.MISSING_SOURCE_SYSTEM,
                ProblemCode.EXTRA_FIELD, ProblemCode.MISSING_SOURCE_SYSTEM_ID);

        model.severityFilterProperty().set(Severity.WARNING);
        assertThat(model.visibleProblems()).extracting(Problem::code).containsExactly(ProblemCode.EXTRA_FIELD);
        model.severityFilterProperty().set(Severity.ERROR);
        assertThat(model.visibleProblems()).extracting(Problem::code).containsExactly(ProblemCode.MISSING_SOURCE_SYSTEM,
                ProblemCode.MISSING_SOURCE_SYSTEM_ID);
        model.severityFilterProperty().set(null);
        assertThat(model.visibleProblems()).hasSize(3);
    }

    @Test
    void saysHowManyProblemsOfACodeTheReportDidNotKeep() {
        model.open(ReviewFixtures.duplicates(dir, "duplicates.json", 1_005));

        assertThat(model.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.CAUTION);
        assertThat(model.verdictProperty().get().headline()).isEqualTo("SEND WITH CAUTION");
        assertThat(model.verdictProperty().get().detail()).isEqualTo("1,005 rows repeat records listed earlier "
                + "(1,006 rows, 1 distinct record): the seed runbook's one row per event; sending them reclusters those "
                + "records again for nothing. No errors; 1,005 warnings worth a look below.");
        assertThat(model.problems()).hasSize(1_000);
        assertThat(model.notShown()).containsExactly("5 more DUPLICATE_RECORD not shown");
    }

    @Test
    void theDeduplicatedCopyAsksBeforeReplacingAFileAndIsForgottenWhenAnotherFileIsOpened() throws Exception {
        Path file = ReviewFixtures.duplicates(dir, "per-event.json", 3);
        Path existing = ReviewFixtures.write(dir, "per-event-distinct.json", "keep me");
        model.open(file);
        dialogs.saveFile = existing;
        dialogs.confirmAnswer = false;

        model.saveDeduplicated();

        assertThat(dialogs.asked).contains("Save a de-duplicated file").anyMatch(q -> q.startsWith(
                "Replace per-event-distinct.json?: " + existing + " already exists. Replace it with the 1 distinct "
                        + "record of per-event.json?"));
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(model.deduplication().messageProperty().get())
                .isEqualTo(Message.info("Not saved: per-event-distinct.json was left as it is."));

        dialogs.confirmAnswer = true;
        model.saveDeduplicated();
        assertThat(model.deduplication().savedProperty().get().records()).isEqualTo(1);
        assertThat(model.deduplication().messageProperty().get().kind()).isEqualTo(Message.Kind.OK);
        assertThat(new RecordsFileValidator().validate(existing).records()).isEqualTo(1);

        // Reviewing the copy is opening it: what was said about the last file goes.
        model.reviewDeduplicated();
        assertThat(model.fileProperty().get()).isEqualTo(existing);
        assertThat(model.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.SAFE);
        assertThat(model.deduplication().messageProperty().get()).isNull();
        assertThat(model.deduplication().savedProperty().get()).isNull();
        // A file without repeats offers nothing to de-duplicate.
        dialogs.asked.clear();
        model.saveDeduplicated();
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void namesDBeaversFormAndQuery() {
        model.open(ReviewFixtures.copy(dir, "dbeaver.json"));

        assertThat(model.reportProperty().get().form()).isEqualTo(FileForm.DBEAVER_EXPORT);
        assertThat(ReviewText.form(model.reportProperty().get())).isEqualTo("DBeaver's JSON export");
        // The core gives the query on one line, shortened to fit a summary.
        assertThat(ReviewText.query(model.reportProperty().get())).isEqualTo(model.reportProperty().get().dbeaverQuery())
                .startsWith("select el.person_uuid, el.source_system, el.source_system_id from "
                        + "personrecordservice.event_log el");
        assertThat(model.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.SAFE);
    }

    @Test
    void anEmptyListIsNothingToSend() {
        model.open(ReviewFixtures.copy(dir, "empty-list.json"));

        assertThat(model.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.NOTHING_TO_SEND);
        assertThat(model.verdictProperty().get().headline()).isEqualTo("NOTHING TO SEND");
        assertThat(session.reviewedFileProperty().get()).isNull();
    }

    @Test
    void opensTheFileTheReviewerChooses() {
        dialogs.openFile = ReviewFixtures.copy(dir, "runbook-without-person-uuid.json");

        assertThat(model.chooseAndOpen()).isTrue();

        assertThat(dialogs.asked).containsExactly("Open a file for review");
        assertThat(model.reportProperty().get().form()).isEqualTo(FileForm.RUNBOOK_WITHOUT_PERSON_UUID);
        dialogs.openFile = null;
        assertThat(model.chooseAndOpen()).isFalse();
        assertThat(model.reportProperty().get().form()).isEqualTo(FileForm.RUNBOOK_WITHOUT_PERSON_UUID);
    }

    @Test
    void remembersTheLastEightFilesAcrossARestartAndNothingOfWhatTheyHold() throws Exception {
        Path first = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");
        Path second = ReviewFixtures.copy(dir, "dbeaver.json");
        model.open(first);
        model.open(second);
        model.open(first);

        ReviewViewModel restarted = newModel(new DirectTaskRunner());
        assertThat(restarted.recentFiles()).containsExactly(first, second);

        for (int i = 0; i < 9; i++) {
            restarted.open(ReviewFixtures.write(dir, "file-" + i + ".json", "[ ]"));
        }
        ReviewViewModel again = newModel(new DirectTaskRunner());
        assertThat(again.recentFiles()).hasSize(RecentFiles.MAX).first().isEqualTo(dir.resolve("file-8.json"));
        assertThat(again.recentFiles()).doesNotContain(first, second, dir.resolve("file-0.json"));
        String settings = Files.readString(settingsFile);
        assertThat(settings).contains("review.recent.0=").contains("review.recent.7=").doesNotContain("review.recent.8");
        assertThat(settings).doesNotContain("A1234BC").doesNotContain("782a5cbe");

        again.clearRecent();
        assertThat(newModel(new DirectTaskRunner()).recentFiles()).isEmpty();
    }

    @Test
    void aFileThatNoLongerExistsIsSaidSoAndLeavesTheRecentFiles() throws Exception {
        Path file = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");
        model.open(file);
        Files.delete(file);

        model.open(file);

        assertThat(model.messageProperty().get()).isEqualTo(Message.error(file
                + " does not exist (any more): it was moved, renamed or deleted."));
        assertThat(model.reportProperty().get()).isNull();
        assertThat(model.verdictProperty().get()).isNull();
        assertThat(model.recentFiles()).isEmpty();
        assertThat(session.reviewedFileProperty().get()).isNull();
    }

    @Test
    void aFolderIsNotReviewed() {
        model.open(dir);

        assertThat(model.messageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(model.messageProperty().get().text()).endsWith("is a folder: choose the exported JSON file inside it.");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void reportsProgressInBytesReadOfTheFilesSize() {
        Path file = ReviewFixtures.duplicates(dir, "many.json", 25_000);
        List<String> texts = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        model.progressTextProperty().addListener((obs, was, now) -> texts.add(now));
        model.progressProperty().addListener((obs, was, now) -> fractions.add(now.doubleValue()));

        model.open(file);

        assertThat(texts.get(0)).isEqualTo("Reading many.json\u2026");
        assertThat(texts).anyMatch(t -> t.matches("Reading many\\.json: [0-9.,]+ [KM]B of 2\\.1 MB, 10,000 records so far"));
        assertThat(texts.get(texts.size() - 1)).isEmpty();
        assertThat(fractions).isSorted().allMatch(f -> f == -1 || (f >= 0 && f <= 1)).endsWith(1.0);
    }

    @Test
    void cancellingAReviewGivesNoVerdict() {
        HeldTaskRunner held = new HeldTaskRunner();
        ReviewViewModel m = newModel(held);
        Path file = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");

        m.open(file);
        assertThat(m.busyProperty().get()).isTrue();
        assertThat(m.progressTextProperty().get()).isEqualTo("Reading runbook-with-person-uuid.json\u2026");
        m.cancel();
        held.runAll();

        assertThat(m.busyProperty().get()).isFalse();
        assertThat(m.verdictProperty().get()).isNull();
        assertThat(m.messageProperty().get()).isEqualTo(Message.warning("Review of runbook-with-person-uuid.json "
                + "cancelled: no verdict. Open it again to review it."));
        assertThat(session.reviewedFileProperty().get()).isNull();
    }

    @Test
    void aLateResultOfAnEarlierFileIsDropped() {
        HeldTaskRunner held = new HeldTaskRunner();
        ReviewViewModel m = newModel(held);
        Path bad = ReviewFixtures.copy(dir, "unknown-source-system.json");
        Path good = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");

        m.open(bad);
        m.open(good);
        held.runAll();

        assertThat(m.fileProperty().get()).isEqualTo(good);
        assertThat(m.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.SAFE);
        assertThat(m.messageProperty().get()).isNull();
    }

    @Test
    void warnsWhenTheFileChangedSinceItWasReviewed() throws Exception {
        Path file = ReviewFixtures.copy(dir, "unknown-source-system.json");
        model.open(file);
        Problem second = model.problems().get(1);
        Files.writeString(file, Files.readString(file) + "\n");

        model.selectedProblemProperty().set(second);

        assertThat(model.excerptProperty().get()).isNotNull();
        assertThat(model.excerptMessageProperty().get().kind()).isEqualTo(Message.Kind.WARNING);
        assertThat(model.excerptMessageProperty().get().text()).startsWith("unknown-source-system.json has changed since "
                + "it was reviewed");
    }

    @Test
    void comparesWithAnotherFileAndSavesEachDifferenceAsTheCoreWritesIt() throws Exception {
        Path a = before();
        Path b = after();
        model.open(a);
        dialogs.openFile = b;

        model.chooseAndCompare();

        assertThat(model.fileBProperty().get()).isEqualTo(b);
        assertThat(model.compareMessageProperty().get()).isNull();
        assertThat(model.diffProperty().get().onlyInA()).isEqualTo(2);
        assertThat(model.diffProperty().get().onlyInB()).isEqualTo(1);
        assertThat(model.diffProperty().get().inBoth()).isEqualTo(2);

        Path expected = Files.createDirectory(dir.resolve("expected"));
        new RecordsFileDiff().compare(a, b, new DiffTargets(expected.resolve("a.json"), expected.resolve("b.json"),
                expected.resolve("both.json")), false);
        Path out = Files.createDirectory(dir.resolve("out"));
        for (Difference d : Difference.values()) {
            dialogs.saveFile = out.resolve(d.defaultFileName(a, b));
            model.save(d);
            assertThat(model.compareMessageProperty().get().kind()).isEqualTo(Message.Kind.OK);
            assertThat(model.saved().get(d).file()).isEqualTo(dialogs.saveFile);
        }
        assertThat(Files.readAllBytes(out.resolve("only-in-before.json"))).isEqualTo(Files.readAllBytes(expected.resolve("a.json")));
        assertThat(Files.readAllBytes(out.resolve("only-in-after.json"))).isEqualTo(Files.readAllBytes(expected.resolve("b.json")));
        assertThat(Files.readAllBytes(out.resolve("in-both-before-and-after.json")))
                .isEqualTo(Files.readAllBytes(expected.resolve("both.json")));
        assertThat(model.compareMessageProperty().get().text()).isEqualTo("Saved 2 records in both to "
                + out.resolve("in-both-before-and-after.json") + ", SHA-256 "
                + Sha256.of(out.resolve("in-both-before-and-after.json")) + ".");
        assertThat(dialogs.asked).containsExactly("Compare before.json with", "Save the records only in A",
                "Save the records only in B", "Save the records in both");
    }

    @Test
    void asksBeforeReplacingAFileAndLeavesItWhenTheAnswerIsNo() throws Exception {
        Path a = before();
        model.open(a);
        model.compare(after());
        Path existing = ReviewFixtures.write(dir, "existing.json", "keep me");
        dialogs.saveFile = existing;

        dialogs.confirmAnswer = false;
        model.save(Difference.ONLY_IN_A);
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Replace existing.json?: " + existing
                + " already exists. Replace it with the 2 records only in A?"));
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(model.compareMessageProperty().get()).isEqualTo(Message.info("Not saved: existing.json was left as it is."));

        dialogs.confirmAnswer = true;
        model.save(Difference.ONLY_IN_A);
        assertThat(Files.readString(existing)).contains("NOMIS").contains("COMMON_PLATFORM");
        assertThat(model.compareMessageProperty().get().kind()).isEqualTo(Message.Kind.OK);
    }

    @Test
    void doesNotSaveOverEitherFileBeingCompared() throws Exception {
        Path a = before();
        model.open(a);
        model.compare(after());
        String content = Files.readString(a);
        dialogs.saveFile = a;
        dialogs.confirmAnswer = true;

        model.save(Difference.ONLY_IN_B);

        assertThat(model.compareMessageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(model.compareMessageProperty().get().text()).contains("is one of the files being compared");
        assertThat(Files.readString(a)).isEqualTo(content);
    }

    @Test
    void aFileWithErrorsCannotBeComparedAndTheCoreSaysWhy() throws Exception {
        Path bad = ReviewFixtures.copy(dir, "unknown-source-system.json");
        Path good = after();
        DiffRefusedException refused = catchThrowableOfType(DiffRefusedException.class,
                () -> new RecordsFileDiff().compare(bad, good, DiffTargets.none(), false));
        model.open(bad);

        model.compare(good);

        assertThat(model.diffProperty().get()).isNull();
        assertThat(model.compareMessageProperty().get()).isEqualTo(Message.error(refused.getMessage()));
        assertThat(model.comparingProperty().get()).isFalse();
    }

    @Test
    void openingAnotherFileForgetsTheComparison() {
        model.open(before());
        model.compare(after());
        assertThat(model.diffProperty().get()).isNotNull();

        model.open(ReviewFixtures.copy(dir, "dbeaver.json"));

        assertThat(model.diffProperty().get()).isNull();
        assertThat(model.fileBProperty().get()).isNull();
    }

    private Path before() {
        return ReviewFixtures.write(dir, "before.json", """
                [
                  { "person_uuid" : "782a5cbe-5a10-4694-a046-0be9e82f0591", "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : "0c2f6a3e-94b5-4c43-9b0e-2f4b2c1d7e10", "source_system" : "LIBRA", "source_system_id" : "123" },
                  { "person_uuid" : null, "source_system" : "COMMON_PLATFORM", "source_system_id" : "C1" }
                ]
                """);
    }

    private Path after() {
        return ReviewFixtures.write(dir, "after.json", """
                [
                  { "source_system_id" : "X1", "source_system" : "DELIUS" },
                  { "source_system_id" : "123", "source_system" : "LIBRA" },
                  { "source_system_id" : "B2", "source_system" : "NOMIS" }
                ]
                """);
    }
}
