package uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.report.JournalWording;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeWording;

/** An incident's readings of the clusters it left, and the button that takes another: built once, shown per incident. */
final class PathsRecheckPane {

    private final VBox readings = Em.spacing(new VBox(), 0.31);
    private final Node root;

    PathsRecheckPane(PathsRecheckViewModel model) {
        TextField base = new TextField();
        base.setId("recheck-manage-ui");
        base.setPromptText("the team's manage UI, e.g. https://manage-people.example (kept; empty: no links)");
        base.textProperty().bindBidirectional(model.manageUiBaseProperty());
        base.disableProperty().bind(model.runningProperty());
        HBox.setHgrow(base, Priority.ALWAYS);
        Button recheck = new Button("Re-check the clusters left");
        recheck.setId("recheck-paths");
        recheck.getStyleClass().add(Styles.PRIMARY);
        recheck.disableProperty().bind(model.runningProperty().or(model.availableProperty().not()));
        recheck.setOnAction(e -> model.recheck());
        Button cancel = new Button("Cancel");
        cancel.setId("recheck-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Label why = new Label();
        why.setId("recheck-unavailable");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add(Styles.STEP_INTRO);
        why.textProperty().bind(model.whyNotProperty());
        why.visibleProperty().bind(model.whyNotProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("recheck-message");
        message.setMinHeight(Region.USE_PREF_SIZE);
        Label intro = new Label("Each reading of the clusters the incident left needing attention (runbook step 6), "
                + "oldest first: read again on a later day to see the review queue drain. A re-check reads the "
                + "replica over the incident's window and adds the reading to its journal; nothing else changes.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Styles.STEP_INTRO);
        readings.setId("incident-paths-readings");
        root = Em.spacing(new VBox(intro, readings, why, Em.spacing(new HBox(base, recheck, cancel), 0.77), message),
                0.62);
    }

    /** The pane, showing the readings {@code s} holds. */
    Node show(IncidentState s) {
        List<JournalEntry.PathsTaken> taken = s.pathsTaken();
        if (taken.isEmpty()) {
            Label none = new Label("No reading of the clusters left yet.");
            readings.getChildren().setAll(none);
        } else {
            readings.getChildren().setAll(taken.stream().map(PathsRecheckPane::reading).toList());
        }
        return root;
    }

    private static Label reading(JournalEntry.PathsTaken p) {
        Label l = new Label(JournalWording.utc(p.takenAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + ": " + OutcomeWording.COUNT.format(p.clusters())
                + " clusters left; " + p.personMustAct() + " need a person, " + p.personShouldLook() + " another reason, "
                + p.mayHeal() + " may heal by the daily job; " + p.inReviewQueue() + " in the review queue.");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.MONOSPACE);
        return l;
    }
}
