package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunEstimate;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.ConsoleWindowTest;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.FxDialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/**
 * The send's questions as the incident lead sees them: the window tests answer them through a stand-in, so these
 * open the real dialogs over a 1280 x 720 console window, in its theme and at its zoom, and answer them as a lead does.
 */
class RealDialogsWindowTest extends ConsoleWindowTest {

    private static final String NAMESPACE = "hmpps-person-record-prod";
    private static final String POD = "hmpps-person-record-7c9d5b6f4-x2x9q";
    private static final ReclusterPlan PLAN = new ReclusterPlan("PROD", "live.cloud-platform.service.justice.gov.uk",
            NAMESPACE, POD, Path.of("/home/lead/incidents/2025-06-10/affected-records-2025-06-09T14-05.json"),
            "da86c5e1f0b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c", 12_345, 25, 500);
    private static final SendCount.Counted COUNTED = new SendCount.Counted(12_345, 25, 12_345, 25,
            IntStream.rangeClosed(1, 25).boxed().toList());

    @Test
    void theSendConfirmationEstimatesTheTimeAndProductionAsksForTheNamespaceTyped(FxRobot robot) throws Exception {
        onSharedScreen(robot);
        screenshotEachLook("90-send-confirmation", () -> askToSend(robot, new FxDialogService(stage),
                new CompletableFuture<>(), CONFIRM));
        screenshotEachLook("91-send-production-namespace", () -> askToSend(robot, confirmedThen(new FxDialogService(stage)),
                new CompletableFuture<>(), TYPE_NAMESPACE));

        CompletableFuture<Optional<?>> answer = new CompletableFuture<>();
        Window confirm = askToSend(robot, new FxDialogService(stage), answer, CONFIRM);
        DialogPane pane = pane(confirm);
        assertThat(pane.getContentText()).contains("Environment: PROD", "Namespace: " + NAMESPACE, "Pod: " + POD,
                "Records: 12,345 in 25 batches of up to 500", "Time: about 1 h 14 min at 3 min per 500 records");
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText).containsExactly("Send", "Cancel");
        assertThat(labelsCutShort(pane)).isEmpty();
        Screenshots.save(confirm.getScene(), "90-send-confirmation");

        robot.clickOn(pane.lookupButton(pane.getButtonTypes().get(0)));
        Window typed = dialog(robot, TYPE_NAMESPACE);
        Screenshots.save(typed.getScene(), "91-send-production-namespace");
        robot.interact(() -> ((TextField) typed.getScene().lookup(".text-field")).setText(NAMESPACE));
        robot.clickOn(pane(typed).lookupButton(ButtonType.OK));

        assertThat(answer.get(10, TimeUnit.SECONDS)).as("confirmed: nothing to say, the send goes").isEmpty();
    }

    @Test
    void theOutcomeUnknownQuestionOverTheWindowOffersEachAnswer(FxRobot robot) throws Exception {
        onSharedScreen(robot);
        screenshotEachLook("92-outcome-unknown-question", () -> askAboutBatch2(robot, new CompletableFuture<>()));

        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().darkProperty().set(true));
        CompletableFuture<Optional<DecisionKind>> answer = new CompletableFuture<>();
        Window asked = askAboutBatch2(robot, answer);
        DialogPane pane = pane(asked);
        // Not a white box over a dark window.
        assertThat(asked.getScene().getRoot().getPseudoClassStates()).contains(PseudoClass.getPseudoClass("dark"));
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText)
                .containsExactly("Resend batch 2", "Skip batch 2", "Stop", "Decide later");
        assertThat(labelsCutShort(pane)).isEmpty();
        // Its default answer looks as the dark theme's primary button does (dark bold text on its blue), not as
        // modena's pale stock blue.
        javafx.scene.control.Button later = (javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(3));
        assertThat(later.isDefaultButton()).isTrue();
        assertThat(later.getTextFill()).isEqualTo(javafx.scene.paint.Color.web("#0d1117"));
        assertThat(later.getFont().getStyle()).containsIgnoringCase("bold");
        Screenshots.save(asked.getScene(), "92-outcome-unknown-question");

        robot.clickOn(pane.lookupButton(pane.getButtonTypes().get(1)));
        assertThat(answer.get(10, TimeUnit.SECONDS)).contains(DecisionKind.SKIP_BATCH);
    }

    @Test
    void theSendConfirmationOpensAtTheWindowsZoomAndInItsThemeWithNothingCut(FxRobot robot) throws Exception {
        onSharedScreen(robot);
        Presenter presenter = ((WizardShellView) stage.getScene().getRoot()).presenter();
        robot.interact(() -> {
            presenter.zoomProperty().set(200);
            presenter.highContrastProperty().set(true);
        });
        CompletableFuture<Optional<?>> answer = new CompletableFuture<>();
        Window confirm = askToSend(robot, new FxDialogService(stage), answer, CONFIRM);
        DialogPane pane = pane(confirm);

        // Read from the back of a call at 200 %, in black, white and yellow as the window is; and all of it: the
        // last paragraph says a batch cannot be called back, and the buttons say what they do.
        assertThat(confirm.getScene().getRoot().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("high-contrast"));
        assertThat(((Labeled) pane.lookup(".content.label")).getFont().getSize()).isEqualTo(Presenter.BASE_FONT_PX * 2.0);
        assertThat(labelsCutShort(pane)).isEmpty();
        // On the screen, not off its side (the file's path made it 1302 pixels wide).
        assertThat(confirm.getWidth()).isLessThanOrEqualTo(1280);
        // The safe default, Cancel, in high contrast's primary look: yellow on black.
        javafx.scene.control.Button cancel = (javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(1));
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(cancel.getTextFill()).isEqualTo(javafx.scene.paint.Color.web("#ffff00"));
        assertThat(cancel.getBackground().getFills().get(0).getFill()).isEqualTo(javafx.scene.paint.Color.BLACK);

        robot.clickOn(pane.lookupButton(pane.getButtonTypes().get(1)));
        assertThat(answer.get(10, TimeUnit.SECONDS)).isPresent();

        // The question about a batch: its command to run and what each answer does are the part that matters.
        CompletableFuture<Optional<DecisionKind>> decision = new CompletableFuture<>();
        Window askedWindow = askAboutBatch2(robot, decision);
        DialogPane asked = pane(askedWindow);
        assertThat(labelsCutShort(asked)).isEmpty();
        // Its answers on a 720-pixel screen, not below its bottom edge (its text, wrapped narrow, made it 778 high).
        assertThat(askedWindow.getHeight()).isLessThanOrEqualTo(720);
        robot.clickOn(asked.lookupButton(asked.getButtonTypes().get(3)));
        assertThat(decision.get(10, TimeUnit.SECONDS)).isEmpty();

        // The namespace typed in production: the question wraps within a 1280-pixel screen, the field on it.
        CompletableFuture<Optional<?>> typedAnswer = new CompletableFuture<>();
        Window typed = askToSend(robot, confirmedThen(new FxDialogService(stage)), typedAnswer, TYPE_NAMESPACE);
        assertThat(typed.getWidth()).isLessThanOrEqualTo(1280);
        assertThat(labelsCutShort(pane(typed))).isEmpty();
        robot.clickOn(pane(typed).lookupButton(ButtonType.CANCEL));
        assertThat(typedAnswer.get(10, TimeUnit.SECONDS)).isPresent();
    }

    private static final String CONFIRM = "Send 12,345 records to pod " + POD + "?";
    private static final String TYPE_NAMESPACE = "This sends to PRODUCTION. Type the namespace, " + NAMESPACE
            + ", to send 12,345 records to pod " + POD + ".";

    /** Asks to send as the Send step does, through {@code dialogs}; returns the dialog whose header is {@code header}. */
    private Window askToSend(FxRobot robot, DialogService dialogs, CompletableFuture<Optional<?>> answer, String header) {
        Platform.runLater(() -> answer.complete(SendConfirmation.ask(dialogs, Environment.PROD, PLAN, COUNTED, null,
                RunEstimate.DEFAULT_MINUTES_PER_500)));
        return dialog(robot, header);
    }

    private Window askAboutBatch2(FxRobot robot, CompletableFuture<Optional<DecisionKind>> answer) {
        String question = "Batch 2 (500 records, COMMON_PLATFORM/0a1b2c3d-0000-4000-8000-000000000501 to "
                + "COMMON_PLATFORM/0a1b2c3d-0000-4000-8000-000000001000) was sent to pod " + POD + ", and no answer came:"
                + " the pod may be reclustering it now, or may never have had it. Look at the pod's log first:\n\n"
                + "    kubectl logs pod/" + POD + " -n " + NAMESPACE + " --since=15m | grep 'ADMIN RECLUSTER'\n\n"
                + "Resend: it never started there (no \"Triggered. Number of records: 500.\"); batch 2 is sent again, "
                + "then the rest.\nSkip: it ran; it is treated as done and batch 3 goes next.\nStop: nothing more is "
                + "sent now.";
        Platform.runLater(() -> answer.complete(UnknownOutcomeQuestion.ask(new FxDialogService(stage), 2, question)));
        return dialog(robot, "Batch 2: outcome unknown");
    }

    /** The real dialogs, with the first question (the send's confirmation) answered yes, to reach the second. */
    private static DialogService confirmedThen(DialogService real) {
        return new DialogService() {
            @Override
            public boolean confirm(String title, String question, String confirmLabel) {
                return true;
            }

            @Override
            public Optional<Path> chooseSaveFile(String title, Path initialFolder, String initialName) {
                return real.chooseSaveFile(title, initialFolder, initialName);
            }

            @Override
            public Optional<Path> chooseOpenFile(String title, Path initialFolder, String description,
                                                 String... extensions) {
                return real.chooseOpenFile(title, initialFolder, description, extensions);
            }

            @Override
            public Optional<String> choose(String title, String question, List<String> answers) {
                return real.choose(title, question, answers);
            }

            @Override
            public Optional<String> ask(String title, String question) {
                return real.ask(title, question);
            }
        };
    }

    private void onSharedScreen(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
    }

    /** The dialog over the window whose header reads {@code header}. */
    private static Window dialog(FxRobot robot, String header) {
        waitUntil(() -> find(robot, header) != null);
        return find(robot, header);
    }

    private static Window find(FxRobot robot, String header) {
        for (Window w : robot.listWindows()) {
            DialogPane p = w.isShowing() && w.getScene() != null ? pane(w) : null;
            if (p != null && header.equals(p.getHeaderText())) {
                return w;
            }
        }
        return null;
    }

    private static DialogPane pane(Window w) {
        return w.getScene().getRoot() instanceof DialogPane p ? p
                : (DialogPane) w.getScene().getRoot().lookup(".dialog-pane");
    }
}
