package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.scene.Parent;
import javafx.scene.control.Label;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/**
 * Presenter mode's audience card on a 1280 x 720 shared screen: the state that matters now, whole and above the fold
 * at 150 % and 200 %, under the banner that names the step and the environment once.
 */
class AudienceCardWindowTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private SimulatedPersonRecordService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void previewsAffectedCountIsWholeAndAboveTheFoldAt200(FxRobot robot) {
        assertThat(robot.lookup("#audience-card").query().isVisible()).as("only in presenter mode").isFalse();
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        for (int zoom : new int[] {150, 200}) {
            presenterAt(robot, zoom);
            assertStepNamedOnce(robot, "Step 2 of 7: Deployment time");
            // The cutoff as typed and in UTC, above the fold however far down the step's own line is.
            assertThat(text(robot, "#audience-now")).startsWith("Cutoff " + TestReplica.CUTOFF_BST_LOCAL)
                    .contains("(BST) = ").endsWith(" UTC");
            assertWholeAndAboveTheFold(robot);
            screenshot("audience-card-deployment-time-" + zoom);
        }
        presenterOff(robot);
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next") && text(robot, "#preview-message").contains("affected between"));

        long records = TestReplica.BST_TO_NOW_COUNTS.distinctRecords();
        for (int zoom : new int[] {150, 200}) {
            presenterAt(robot, zoom);
            assertStepNamedOnce(robot, "Step 3 of 7: Preview");
            assertThat(text(robot, "#audience-now")).isEqualTo(COUNT.format(records) + " affected records");
            assertThat(tones(robot)).isEmpty();
            assertThat(robot.lookup("#audience-bar").query().isVisible()).as("no run, no bar").isFalse();
            assertWholeAndAboveTheFold(robot);
            screenshot("audience-card-preview-" + zoom);
        }
    }

    @Test
    void aPausedRunsStateAndRecordsDoneAreWholeAndAboveTheFoldAt200(FxRobot robot) throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(150));
        sendReviewedFile(robot);
        robot.interact(() -> robot.lookup("#pause").queryButton().fire());
        waitUntil(() -> text(robot, "#progress-state").equals("Paused")
                && text(robot, "#progress-batches").startsWith("1 of"));

        assertThat(text(robot, "#progress-eta")).as("no clock time while nothing is sent")
                .isEqualTo("not known while paused");
        for (int zoom : new int[] {150, 200}) {
            presenterAt(robot, zoom);
            assertStepNamedOnce(robot, "Step 6 of 7: Progress");
            assertThat(text(robot, "#audience-now")).isEqualTo("Paused  \u2022  4 of 10 records done");
            assertThat(tones(robot)).as("amber, as Progress draws a pause").containsExactly("decision");
            assertWholeAndAboveTheFold(robot);
            // Zoomed to 200 % Progress's own bar is below the fold: the card draws how far the run has come.
            javafx.scene.control.ProgressBar bar = robot.lookup("#audience-bar").queryAs(javafx.scene.control.ProgressBar.class);
            assertThat(bar.isVisible()).isTrue();
            assertThat(bar.getProgress()).as("8 of 20 steps").isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.001));
            assertThat(bar.getPseudoClassStates().stream().map(p -> p.getPseudoClassName())).contains("decision");
            assertThat(SharedScreenWindowTest.onScreen(robot, "#audience-bar")).as("the bar on screen").isTrue();
            assertThat(RunStateShown.cutShort(robot)).as("Progress, the card and the status bar at " + zoom + " %")
                    .isEmpty();
            screenshot("audience-card-progress-paused-" + zoom);
        }
        robot.interact(() -> robot.lookup("#resume").queryButton().fire());
        waitUntil(() -> text(robot, "#progress-state").equals("Complete"));
        assertThat(text(robot, "#audience-now")).isEqualTo("Complete  \u2022  10 of 10 records done");
        assertThat(tones(robot)).containsExactly("success");
    }

    @Test
    void theRecordsWrittenAreWholeAndAboveTheFoldAt200(FxRobot robot) {
        walkToPreview(robot);
        robot.clickOn("#next");
        fill(robot, "#export-folder", dir.toString());
        robot.clickOn("#export");
        waitUntil(() -> text(robot, "#export-message").contains("verified"));

        long records = TestReplica.BST_TO_NOW_COUNTS.distinctRecords();
        for (int zoom : new int[] {150, 200}) {
            presenterAt(robot, zoom);
            assertStepNamedOnce(robot, "Step 4 of 7: Export");
            assertThat(text(robot, "#audience-now")).isEqualTo(COUNT.format(records) + " records written");
            assertThat(tones(robot)).isEmpty();
            assertWholeAndAboveTheFold(robot);
            screenshot("audience-card-export-" + zoom);
        }
    }

    /**
     * Outcome opened from the File menu is a screen beside the runbook: the card waits (it would say the step underneath),
     * and the verdict itself is whole and above the fold. The Outcome step's own card line is asserted after a real run,
     * in {@link ReclusterWalkthroughTest}.
     */
    @Test
    void outcomeFromTheMenuShowsItsVerdictWholeAndAboveTheFoldAt200(FxRobot robot) {
        walkToPreview(robot);
        robot.interact(() -> console.outcome().open());
        waitUntil(() -> robot.lookup("#take-after").tryQuery().isPresent());
        robot.clickOn("#take-after");
        waitUntil(() -> robot.lookup("#outcome-verdict").query().isVisible());

        for (int zoom : new int[] {150, 200}) {
            presenterAt(robot, zoom);
            assertThat(text(robot, "#presenter-step")).startsWith("Step 7 of 7: Outcome");
            assertThat(robot.lookup("#audience-card").query().isVisible()).as("not the step: the card waits").isFalse();
            assertThat(text(robot, "#outcome-verdict-headline")).isEqualTo("NEEDS_ATTENTION 2 to 2 (0)");
            assertThat(truncatedLabels(robot.lookup("#outcome-verdict").queryAs(Parent.class))).isEmpty();
            assertThat(SharedScreenWindowTest.onScreen(robot, "#outcome-verdict-headline")).isTrue();
            screenshot("audience-card-outcome-from-the-menu-" + zoom);
        }
    }

    private void walkToPreview(FxRobot robot) {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next") && text(robot, "#preview-message").contains("affected between"));
    }

    /**
     * The banner names the step and the environment, in the environment's colour; the card under it does not say
     * them again (on a shared screen, one place to read where the runbook is).
     */
    private static void assertStepNamedOnce(FxRobot robot, String step) {
        assertThat(text(robot, "#presenter-step")).startsWith(step);
        assertThat(robot.lookup("#presenter-step").query().isVisible()).isTrue();
        assertThat(robot.lookup("#audience-card").query().lookupAll(".label").stream().map(n -> ((Label) n).getText()))
                .noneMatch(t -> t.contains(step)).noneMatch(t -> t.contains(text(robot, "#environment-banner-label")));
    }

    private static List<String> tones(FxRobot robot) {
        return robot.lookup("#audience-now").query().getPseudoClassStates().stream().map(p -> p.getPseudoClassName())
                .filter(List.of("danger", "decision", "success")::contains).toList();
    }

    private void presenterOff(FxRobot robot) {
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().onProperty().set(false));
    }

    private void presenterAt(FxRobot robot, int zoom) {
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().onProperty().set(true));
        sharedScreenAt(robot, zoom);
    }

    private void assertWholeAndAboveTheFold(FxRobot robot) {
        Parent card = robot.lookup("#audience-card").queryAs(Parent.class);
        assertThat(card.isVisible()).isTrue();
        assertThat(truncatedLabels(card)).as("cut short").isEmpty();
        for (String id : List.of("#presenter-step", "#environment-banner-label", "#audience-now")) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertThat(l.getHeight()).as(id + " drawn").isGreaterThan(0);
            assertThat(SharedScreenWindowTest.onScreen(robot, id)).as(id + " on screen").isTrue();
        }
    }

    /** Ten records, reviewed offline, sent in batches of 4 to the one pod. */
    private void sendReviewedFile(FxRobot robot) throws Exception {
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).forwardTo(POD, service.port()).podLog(POD, service.logFile());
        sendReviewedInBatches(robot, tenReviewedRecords(), cluster, 1, 4);
    }
}
