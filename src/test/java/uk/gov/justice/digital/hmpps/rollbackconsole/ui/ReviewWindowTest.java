package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffRefusedException;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffTargets;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Problem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileDiff;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewedFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.ReviewFixtures;

/** The offline review in a real window: a reviewer with a file and no connection. */
class ReviewWindowTest extends ConsoleWindowTest {

    @Test
    void opensAValidFileFromTheFileMenuAndSaysItIsSafeToSend(FxRobot robot) throws Exception {
        Path file = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");
        dialogs.openFile = file;
        fill(robot, "#host", "replica.example.internal");

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#review-verdict").tryQuery().map(n -> n.isVisible()).orElse(false));

        assertThat(dialogs.asked).containsExactly("Open a file for review");
        assertThat(text(robot, "#review-verdict")).isEqualTo("SAFE TO SEND");
        assertThat(text(robot, "#review-verdict-detail")).isEqualTo("4 records the service accepts, no errors.");
        assertThat(text(robot, "#review-title")).isEqualTo("Review of runbook-with-person-uuid.json \u2014 offline, no connection");
        assertThat(text(robot, "#review-path")).isEqualTo(file.toString());
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("OFFLINE REVIEW  \u2022  no connection is used");
        assertThat(text(robot, "#review-form")).isEqualTo("The runbook's format, with person_uuid (as the console writes it)");
        assertThat(text(robot, "#review-records")).isEqualTo("4 (4 distinct)");
        assertThat(text(robot, "#review-by-system")).isEqualTo("NOMIS 1  \u00b7  DELIUS 1  \u00b7  COMMON_PLATFORM 1  \u00b7  LIBRA 1");
        assertThat(text(robot, "#review-clusters")).isEqualTo("2");
        assertThat(text(robot, "#review-without-uuid")).isEqualTo("1");
        assertThat(text(robot, "#review-size")).isEqualTo(Files.size(file) + " bytes");
        assertThat(text(robot, "#review-sha256")).isEqualTo(Sha256.of(file));
        assertThat(text(robot, "#review-batches")).isEqualTo("1 request of up to 500 records");
        assertThat(rows(robot, "#problems-table")).isZero();
        assertThat(robot.lookup("#review-query").query().isVisible()).isFalse();
        // The runbook's steps and their buttons are out of the way, not gone.
        assertThat(robot.lookup("#step-1").tryQuery().map(Node::getScene).isPresent()).isFalse();
        assertThat(robot.lookup("#next").tryQuery().map(Node::getScene).isPresent()).isFalse();

        // Handed on to the Send step, which checks the SHA-256 again before sending.
        assertThat(console.session().reviewedFileProperty().get()).isEqualTo(new ReviewedFile(file, Sha256.of(file), 4));
        assertThat(robot.lookup("#send-file").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(text(robot, "#send-note")).startsWith("Opens the Port-forward and recluster step with this file.");
        screenshot("20-review-safe");

        robot.clickOn("#review-copy-sha256");
        assertThat(readClipboard(robot)).isEqualTo(Sha256.of(file));

        robot.clickOn("#review-back");
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("NOT CONNECTED");
        assertThat(robot.lookup("#step-1").query().isVisible()).isTrue();
        // The runbook is as it was left.
        assertThat(text(robot, "#host")).isEqualTo("replica.example.internal");
        assertThat(console.session().reviewedFileProperty().get()).isNotNull();
    }

    @Test
    void aFileWithErrorsListsTheCoresProblemsAndShowsEachOneInTheFile(FxRobot robot) throws Exception {
        Path file = ReviewFixtures.copy(dir, "unknown-source-system.json");
        List<Problem> expected = new RecordsFileValidator().validate(file).problems();

        robot.interact(() -> console.openReview(file));
        waitUntil(() -> "NOT SAFE TO SEND".equals(text(robot, "#review-verdict")));

        assertThat(text(robot, "#review-verdict-detail")).isEqualTo("3 errors have to be fixed before this file is sent.");
        assertThat(console.session().reviewedFileProperty().get()).isNull();
        @SuppressWarnings("unchecked")
        TableView<Problem> table = robot.lookup("#problems-table").queryAs(TableView.class);
        assertThat(table.getItems()).containsExactlyElementsOf(expected);
        for (int row = 0; row < expected.size(); row++) {
            Problem p = expected.get(row);
            assertThat(cells(robot, row)).containsExactly("error", p.code().name(), Long.toString(p.line()),
                    Long.toString(p.column()), Long.toString(p.recordNumber()), p.message());
        }
        // Zoomed in, a long message wraps in its column rather than ending in "...".
        sharedScreenAt(robot, 200);
        assertThat(onFx(() -> labelsCutShort(table))).as("problem messages cut at 200 %").isEmpty();
        sharedScreenAt(robot, 100);
        assertThat(text(robot, "#filter-errors")).isEqualTo("Errors (3)");
        assertThat(text(robot, "#filter-warnings")).isEqualTo("Warnings (0)");

        // The first error is selected and shown where it is.
        waitUntil(() -> robot.lookup("#excerpt-marked").tryQuery().isPresent());
        assertThat(text(robot, "#problem-detail")).isEqualTo("Line 2, column 23, record 1: error UNKNOWN_SOURCE_SYSTEM: "
                + expected.get(0).message());
        assertThat(text(robot, "#excerpt-marked")).isEqualTo(
                "  2 \u2502   { \"source_system\" : \"Delius\", \"source_system_id\" : \"X123456\" },");
        assertThat(text(robot, "#excerpt-caret")).isEqualTo("    \u2502 " + " ".repeat(22) + "^");
        screenshot("21-review-not-safe");
        // In high contrast NOT SAFE TO SEND is inverted, yellow on black, not the yellow box SEND WITH CAUTION is.
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().highContrastProperty().set(true));
        javafx.scene.layout.Region notSafe = robot.lookup("#review-verdict-box").queryAs(javafx.scene.layout.Region.class);
        assertThat(notSafe.getBackground().getFills().get(0).getFill()).isEqualTo(javafx.scene.paint.Color.BLACK);
        assertThat(robot.lookup("#review-verdict").queryAs(javafx.scene.control.Label.class).getTextFill())
                .isEqualTo(javafx.scene.paint.Color.web("#ffff00"));
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().highContrastProperty().set(false));

        // The second problem chosen in the list (selected, not clicked: after the grid of screenshots the table's
        // reused cells can stand where the robot's click finds them out of view).
        robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
        waitUntil(() -> text(robot, "#excerpt-marked").contains("PRISON"));
        assertThat(text(robot, "#problem-detail")).isEqualTo("Line 3, column 23, record 2: error UNKNOWN_SOURCE_SYSTEM: "
                + expected.get(1).message());
        assertThat(text(robot, "#excerpt-marked")).startsWith("  3 \u2502   { \"source_system\" : \"PRISON\"");

        // Sorting by line, descending, puts the last problem first.
        robot.interact(() -> {
            table.getSortOrder().setAll(List.of(table.getColumns().get(2)));
            table.getColumns().get(2).setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
        });
        assertThat(table.getItems().get(0)).isEqualTo(expected.get(2));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        screenshot("24-review-dark");
    }

    @Test
    void filtersProblemsBySeverityAndSaysHowManyWereNotKept(FxRobot robot) {
        Path file = ReviewFixtures.duplicates(dir, "one-row-per-event.json", 1_005);

        robot.interact(() -> console.openReview(file));
        waitUntil(() -> "SEND WITH CAUTION".equals(text(robot, "#review-verdict")));

        assertThat(text(robot, "#not-shown")).isEqualTo("5 more DUPLICATE_RECORD not shown");
        assertThat(rows(robot, "#problems-table")).isEqualTo(1_000);
        assertThat(text(robot, "#filter-warnings")).isEqualTo("Warnings (1,005)");
        robot.clickOn("#filter-errors");
        assertThat(rows(robot, "#problems-table")).isZero();
        robot.clickOn("#filter-warnings");
        assertThat(rows(robot, "#problems-table")).isEqualTo(1_000);
        screenshot("25-review-warnings");
    }

    @Test
    void aOneRowPerEventFileIsSendWithCautionAndItsDeduplicatedCopyIsSafe(FxRobot robot) throws Exception {
        // The seed runbook's export: NOMIS A1 updated three times, DELIUS X1 twice.
        String u1 = "782a5cbe-5a10-4694-a046-0be9e82f0591";
        String u2 = "0c2f6a3e-94b5-4c43-9b0e-2f4b2c1d7e10";
        Path file = ReviewFixtures.write(dir, "affected-records.json", """
                [
                  { "person_uuid" : "%s", "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : "%s", "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : "%s", "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : "%s", "source_system" : "NOMIS", "source_system_id" : "A1" }
                ]
                """.formatted(u1, u2, u2, u2));
        robot.interact(() -> console.openReview(file));
        waitUntil(() -> "SEND WITH CAUTION".equals(text(robot, "#review-verdict")));

        assertThat(text(robot, "#review-verdict-detail")).isEqualTo("3 rows repeat records listed earlier (5 rows, "
                + "2 distinct records): the seed runbook's one row per event; sending them reclusters those records "
                + "again for nothing. No errors; 3 warnings worth a look below.");
        Node box = robot.lookup("#review-verdict-box").query();
        assertThat(box.getStyleClass()).contains("verdict-caution").doesNotContain("verdict-safe");
        // It may still be sent as it is: the verdict warns, it does not block.
        assertThat(robot.lookup("#send-file").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#review-deduplicated").query().isVisible()).isFalse();
        // The problems' filter shows which severity it shows.
        assertThat(robot.lookup("#filter-all").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        screenshot("26-review-caution");

        Path copy = dir.resolve("affected-records-distinct.json");
        dialogs.saveFile = copy;
        robot.clickOn("#save-deduplicated");
        waitUntil(() -> text(robot, "#deduplicated-message").startsWith("Saved"));

        assertThat(dialogs.asked).contains("Save a de-duplicated file");
        assertThat(text(robot, "#deduplicated-message")).isEqualTo("Saved 2 records, each once, to " + copy
                + ", SHA-256 " + Sha256.of(copy) + ".");
        assertThat(Files.readString(copy)).isEqualTo("""
                [
                  {
                    "person_uuid" : "%s",
                    "source_system" : "NOMIS",
                    "source_system_id" : "A1"
                  },
                  {
                    "person_uuid" : null,
                    "source_system" : "DELIUS",
                    "source_system_id" : "X1"
                  }
                ]
                """.formatted(u1));
        screenshot("27-review-deduplicated");

        robot.clickOn("#review-deduplicated");
        waitUntil(() -> "SAFE TO SEND".equals(text(robot, "#review-verdict")));
        assertThat(text(robot, "#review-path")).isEqualTo(copy.toString());
        assertThat(text(robot, "#review-records")).isEqualTo("2 (2 distinct)");
        assertThat(robot.lookup("#review-verdict-box").query().getStyleClass()).contains("verdict-safe");
        assertThat(robot.lookup("#save-deduplicated").query().isVisible()).isFalse();
        assertThat(console.session().reviewedFileProperty().get()).isEqualTo(new ReviewedFile(copy, Sha256.of(copy), 2));

        // Dark theme: still amber, not green.
        robot.interact(() -> console.openReview(file));
        waitUntil(() -> "SEND WITH CAUTION".equals(text(robot, "#review-verdict")));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        screenshot("28-review-caution-dark");
        // Presenter mode, 150 %: the verdict and its button stay on screen for the audience.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        Node verdict = robot.lookup("#review-verdict").query();
        Node save = robot.lookup("#save-deduplicated").query();
        robot.interact(() -> stage.getScene().getRoot().layout());
        assertThat(save.localToScene(save.getBoundsInLocal()).getMaxY()).isLessThan(stage.getScene().getHeight());
        assertThat(verdict.localToScene(verdict.getBoundsInLocal()).getMinY()).isPositive();
        // Nor are the file's facts or the problems' counts cut to "..." for them.
        robot.interact(() -> stage.getScene().getRoot().layout());
        assertThat(labelsCutShort(robot.lookup("#review-batches").query().getParent())).isEmpty();
        assertThat(labelsCutShort(robot.lookup("#filter-all").query().getParent())).isEmpty();
        screenshot("29-review-caution-presenter-150");
        // At 200 % on a shared 1280 x 720 screen, presenting or not, the review is no wider than the screen (the
        // SHA-256 beside the verdict, and in presenter mode the banner's "OFFLINE REVIEW  *  no connection is used" on
        // one line, made it wider: "Back to the runbook" and "Copy" ran off its edge) and the verdict's buttons are whole.
        fitsASharedScreenAt200(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        fitsASharedScreenAt200(robot);
        sharedScreenAt(robot, 100);
    }

    private void fitsASharedScreenAt200(FxRobot robot) {
        sharedScreenAt(robot, 200);
        robot.interact(() -> stage.getScene().getRoot().layout());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#review-back", "#review-copy-sha256", "#save-deduplicated")) {
            Node n = robot.lookup(id).query();
            assertThat(n.localToScene(n.getBoundsInLocal()).getMaxX()).as(id).isLessThanOrEqualTo(stage.getScene().getWidth());
        }
        assertThat(labelsCutShort(robot.lookup("#review-verdict-box").queryAs(javafx.scene.Parent.class))).isEmpty();
    }

    @Test
    void showsDBeaversFormAndItsQuery(FxRobot robot) throws Exception {
        Path file = ReviewFixtures.copy(dir, "dbeaver.json");

        robot.interact(() -> console.openReview(file));
        waitUntil(() -> "SAFE TO SEND".equals(text(robot, "#review-verdict")));

        assertThat(text(robot, "#review-form")).isEqualTo("DBeaver's JSON export");
        assertThat(text(robot, "#review-query")).isEqualTo(new RecordsFileValidator().validate(file).dbeaverQuery());
        assertThat(robot.lookup("#review-query").query().isVisible()).isTrue();
        assertThat(text(robot, "#review-records")).isEqualTo("2 (2 distinct)");
        screenshot("22-review-dbeaver");
    }

    @Test
    void comparesWithAnotherFileAndSavesTheThreeDifferencesAsTheCoreWritesThem(FxRobot robot) throws Exception {
        Path a = ReviewFixtures.write(dir, "before.json", """
                [
                  { "person_uuid" : "782a5cbe-5a10-4694-a046-0be9e82f0591", "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : "0c2f6a3e-94b5-4c43-9b0e-2f4b2c1d7e10", "source_system" : "LIBRA", "source_system_id" : "123" },
                  { "person_uuid" : null, "source_system" : "COMMON_PLATFORM", "source_system_id" : "C1" }
                ]
                """);
        Path b = ReviewFixtures.write(dir, "after.json", """
                {
                "select distinct el.source_system_id, el.source_system from personrecordservice.event_log el": [
                	{ "source_system_id" : "X1", "source_system" : "DELIUS" },
                	{ "source_system_id" : "B2", "source_system" : "NOMIS" },
                	{ "source_system_id" : "B3", "source_system" : "NOMIS" }
                ]
                }
                """);
        robot.interact(() -> console.openReview(a));
        waitUntil(() -> "SAFE TO SEND".equals(text(robot, "#review-verdict")));

        dialogs.openFile = b;
        robot.clickOn("#compare");
        waitUntil(() -> !text(robot, "#compare-only-a").isEmpty());
        assertThat(text(robot, "#compare-only-a")).isEqualTo("3");
        assertThat(text(robot, "#compare-only-b")).isEqualTo("2");
        assertThat(text(robot, "#compare-both")).isEqualTo("1");
        assertThat(shown(robot.lookup("#compare-only-a").query())).isTrue();

        Path expected = Files.createDirectory(dir.resolve("expected"));
        Path out = Files.createDirectory(dir.resolve("out"));
        new RecordsFileDiff().compare(a, b, new DiffTargets(expected.resolve("only-a.json"),
                expected.resolve("only-b.json"), expected.resolve("both.json")), false);
        Map<String, String> saves = new LinkedHashMap<>();
        saves.put("only-a", "only-a.json");
        saves.put("only-b", "only-b.json");
        saves.put("both", "both.json");
        for (Map.Entry<String, String> s : saves.entrySet()) {
            dialogs.saveFile = out.resolve(s.getValue());
            robot.clickOn("#save-" + s.getKey());
            waitUntil(() -> text(robot, "#saved-" + s.getKey()).equals("Saved to " + s.getValue()));
            assertThat(Files.readAllBytes(out.resolve(s.getValue())))
                    .isEqualTo(Files.readAllBytes(expected.resolve(s.getValue())));
        }
        assertThat(text(robot, "#compare-message")).isEqualTo("Saved 1 record in both to " + out.resolve("both.json")
                + ", SHA-256 " + Sha256.of(out.resolve("both.json")) + ".");
        assertThat(text(robot, "#saved-only-a")).isEqualTo("Saved to only-a.json");
        screenshot("23-review-compare");

        // Saving over a file asks first; no leaves it as it was.
        dialogs.saveFile = out.resolve("only-a.json");
        dialogs.confirmAnswer = false;
        robot.clickOn("#save-only-a");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Replace only-a.json?"));
        assertThat(text(robot, "#compare-message")).isEqualTo("Not saved: only-a.json was left as it is.");
    }

    @Test
    void aFileWithErrorsCannotBeCompared(FxRobot robot) throws Exception {
        Path bad = ReviewFixtures.copy(dir, "missing-fields.json");
        Path good = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");
        String refusal;
        try {
            new RecordsFileDiff().compare(bad, good, DiffTargets.none(), false);
            throw new AssertionError("a file with errors was compared");
        } catch (DiffRefusedException e) {
            refusal = e.getMessage();
        }
        robot.interact(() -> console.openReview(bad));
        waitUntil(() -> "NOT SAFE TO SEND".equals(text(robot, "#review-verdict")));

        dialogs.openFile = good;
        robot.clickOn("#compare");
        waitUntil(() -> !text(robot, "#compare-message").startsWith("Comparing"));

        assertThat(text(robot, "#compare-message")).isEqualTo(refusal);
        assertThat(shown(robot.lookup("#compare-only-a").query())).isFalse();
    }

    @Test
    void theReviewArgumentOpensTheWindowOnTheReview(FxRobot robot) throws Exception {
        Path file = ReviewFixtures.copy(dir, "runbook-without-person-uuid.json");

        // What App.start does with --review FILE.
        robot.interact(() -> console.openReview(file));
        waitUntil(() -> "SAFE TO SEND".equals(text(robot, "#review-verdict")));

        assertThat(console.review().showing()).isTrue();
        assertThat(text(robot, "#review-form")).isEqualTo("The runbook's format, without person_uuid");
        assertThat(text(robot, "#review-clusters")).isEqualTo("0");
        assertThat(text(robot, "#review-without-uuid")).isEqualTo("3");
    }

    @Test
    void aDroppedJsonFileIsReviewedAndAnythingElseIsNotTaken(FxRobot robot) throws Exception {
        Path json = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");
        Path other = ReviewFixtures.write(dir, "notes.txt", "not for review");
        Path upper = ReviewFixtures.write(dir, "EXPORT.JSON", "[ ]");
        AtomicBoolean taken = new AtomicBoolean();

        robot.interact(() -> taken.set(console.review().drop(List.of(other))));
        assertThat(taken).isFalse();
        robot.interact(() -> taken.set(console.review().drop(List.of(json, upper))));
        assertThat(taken).isFalse();
        assertThat(console.review().showing()).isFalse();

        robot.interact(() -> taken.set(console.review().drop(List.of(upper))));
        assertThat(taken).isTrue();
        waitUntil(() -> "NOTHING TO SEND".equals(text(robot, "#review-verdict")));
        robot.interact(() -> taken.set(console.review().drop(List.of(json))));
        waitUntil(() -> "SAFE TO SEND".equals(text(robot, "#review-verdict")));
        assertThat(text(robot, "#review-path")).isEqualTo(json.toString());
    }

    @Test
    void theRecentFilesMenuReopensAFile(FxRobot robot) {
        Path first = ReviewFixtures.copy(dir, "dbeaver.json");
        Path second = ReviewFixtures.copy(dir, "empty-list.json");
        robot.interact(() -> console.openReview(first));
        waitUntil(() -> "SAFE TO SEND".equals(text(robot, "#review-verdict")));
        robot.interact(() -> console.openReview(second));
        waitUntil(() -> "NOTHING TO SEND".equals(text(robot, "#review-verdict")));

        Menu recent = (Menu) fileMenu(robot).getItems().stream()
                .filter(i -> "menu-open-recent".equals(i.getId())).findFirst().orElseThrow();
        assertThat(recent.getItems().stream().map(MenuItem::getText).toList())
                .startsWith(second.toString(), first.toString());
        robot.interact(() -> recent.getItems().get(1).fire());
        waitUntil(() -> "SAFE TO SEND".equals(text(robot, "#review-verdict")));
        assertThat(text(robot, "#review-form")).isEqualTo("DBeaver's JSON export");
    }

    /** Whether the node and everything around it is visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Menu fileMenu(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().get(0);
    }

    private static String readClipboard(FxRobot robot) {
        String[] value = new String[1];
        robot.interact(() -> value[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        return value[0];
    }

    /** The texts of one row of the problems table, column by column, as drawn. */
    private static List<String> cells(FxRobot robot, int row) {
        TableView<?> table = robot.lookup("#problems-table").queryAs(TableView.class);
        // A wrapping cell draws its text as its graphic.
        return table.getColumns().stream().map(c -> cell(robot, row, table.getColumns().indexOf(c)))
                .map(c -> c.getGraphic() instanceof javafx.scene.text.Text t ? t.getText() : c.getText()).toList();
    }

    private static TableCell<?, ?> cell(FxRobot robot, int row, int column) {
        TableView<?> table = robot.lookup("#problems-table").queryAs(TableView.class);
        return robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getIndex() == row && c.getTableColumn() == table.getColumns().get(column))
                .findFirst().orElseThrow(() -> new AssertionError("no cell at row " + row + ", column " + column));
    }
}
