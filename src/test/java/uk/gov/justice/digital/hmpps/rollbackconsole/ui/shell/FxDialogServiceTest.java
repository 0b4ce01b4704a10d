package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/**
 * The real question asked about a batch of unknown outcome: the window tests answer it through a stand-in, so this
 * one opens the dialog the incident lead sees, and answers it with the keyboard and the mouse as they would.
 */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    private Stage owner;

    @BeforeEach
    void openOwner() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            owner = new Stage();
            owner.setScene(new Scene(new StackPane(), 400, 300));
            owner.show();
        }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeOwner() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> owner.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theOutcomeUnknownQuestionOffersEachAnswerAndEnterSendsNothing(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = ask();
        DialogPane pane = dialog(robot);
        assertThat(pane.getHeaderText()).isEqualTo("Batch 2: outcome unknown");
        assertThat(pane.getContentText()).contains("may have reclustered it");
        assertThat(pane.getButtonTypes()).extracting(b -> b.getText())
                .containsExactly("Resend batch 2", "Skip batch 2", "Stop", "Decide later");
        assertThat(pane.getButtonTypes()).filteredOn(b -> ((Button) pane.lookupButton(b)).isDefaultButton())
                .extracting(b -> b.getText()).containsExactly("Decide later");
        Screenshots.save(pane.getScene(), "38-outcome-unknown-question");

        // Enter is "decide later": a stray key resends nothing.
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();

        CompletableFuture<Optional<String>> second = ask();
        DialogPane again = dialog(robot);
        robot.clickOn(again.lookupButton(again.getButtonTypes().get(1)));
        assertThat(second.get(10, TimeUnit.SECONDS)).contains("Skip batch 2");
    }

    @Test
    void enterOnTheSendConfirmationIsCancel(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogService(owner).confirm("Send 17 records to pod p?",
                "Environment: PROD", "Send")));
        DialogPane pane = dialog(robot);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(answer.get(10, TimeUnit.SECONDS)).as("Enter must not send").isFalse();

        CompletableFuture<Boolean> again = new CompletableFuture<>();
        Platform.runLater(() -> again.complete(new FxDialogService(owner).confirm("Send 17 records to pod p?",
                "Environment: PROD", "Send")));
        DialogPane second = dialog(robot);
        robot.clickOn(second.lookupButton(second.getButtonTypes().get(0)));
        assertThat(again.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pane).isNotNull();
    }

    private CompletableFuture<Optional<String>> ask() {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogService(owner).choose("Batch 2: outcome unknown",
                "The pod may have reclustered it, or may never have had it.",
                List.of("Resend batch 2", "Skip batch 2", "Stop"))));
        return answer;
    }

    private static DialogPane dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane(robot) != null);
        WaitForAsyncUtils.waitForFxEvents();
        return pane(robot);
    }

    private static DialogPane pane(FxRobot robot) {
        for (Window w : robot.listWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p) {
                return p;
            }
        }
        return null;
    }
}
