package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RollbackLiveCheck;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** The Send step's checklist "Is the rollback live?": one line per check with the facts the cluster gave. */
final class RollbackLivePane extends VBox {

    // Kept: a binding nobody holds stops passing on changes.
    private final BooleanBinding overrideOffered;

    RollbackLivePane(RollbackLiveViewModel model) {
        Label title = new Label("Is the rollback live? (runbook step 2)");
        title.getStyleClass().add(Styles.FACT_NAME);
        Label intro = new Label("The rollout complete (every pod ready on the deployment's image) and the release running"
                + " now not the bad one picked at the Deployment time step, in hmpps-person-record or hmpps-person-match."
                + " Image tags are shown in full.");
        intro.setWrapText(true);
        Button check = new Button("Check the rollback");
        check.setId("live-check");
        check.disableProperty().bind(model.busyProperty());
        check.setOnAction(e -> model.check());
        VBox items = Em.spacing(new VBox(), 0.31);
        items.setId("live-items");
        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("live-message");

        TextField reason = new TextField();
        reason.setId("live-override-reason");
        reason.setPromptText("Why the send must go although the rollback is not shown live");
        reason.textProperty().bindBidirectional(model.overrideReasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button override = new Button("Allow the send for this reason");
        override.setId("live-override");
        override.setOnAction(e -> model.override());
        HBox overrideRow = Em.spacing(new HBox(reason, override), 0.62);
        overrideOffered = model.overrideOffered();
        overrideRow.visibleProperty().bind(overrideOffered);
        overrideRow.managedProperty().bind(overrideOffered);

        model.resultProperty().addListener((obs, was, now) -> show(items, now));
        show(items, model.resultProperty().get());
        getChildren().setAll(title, intro, check, items, message, overrideRow);
        Em.spacing(this, 0.46);
        getStyleClass().add(Styles.CARD);
        setId("rollback-live");
    }

    private static void show(VBox items, RollbackLiveCheck.Result result) {
        items.getChildren().clear();
        if (result == null) {
            return;
        }
        for (RollbackLiveCheck.Item item : result.items()) {
            StringBuilder text = new StringBuilder(switch (item.status()) {
                case PASS -> "\u2714 ";
                case FAIL -> "\u2718 ";
                case UNKNOWN -> "? ";
                case ASLEEP -> "\u263E ";
                case WARN -> "\u26A0 ";
            }).append(item.title());
            item.facts().forEach(f -> text.append("\n    \u2022 ").append(f));
            Label line = new Label(text.toString());
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            line.getStyleClass().addAll(Styles.MESSAGE, switch (item.status()) {
                case PASS -> Styles.MESSAGE_OK;
                case FAIL -> Styles.MESSAGE_ERROR;
                case UNKNOWN, ASLEEP, WARN -> Styles.MESSAGE_WARNING;
            });
            line.setId("live-item-" + items.getChildren().size());
            items.getChildren().add(line);
        }
    }
}
