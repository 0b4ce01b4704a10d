package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export;

import java.text.NumberFormat;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** Step 4's screen: where to write, the write itself, and the file's count and SHA-256. */
public final class ExportStepView {

    private final ExportStepViewModel model;
    private final TextField folder = new TextField();
    private final TextField fileName = new TextField();
    private final Button browse = new Button("Choose\u2026");
    private final Button export = new Button("_Export");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label file = new Label();
    private final Label records = new Label();
    private final Label bytes = new Label();
    private final Label sha256 = new Label();
    private final Button copySha = new Button("Copy SHA-256");
    private final VBox resultCard;
    private final Node root;

    public ExportStepView(ExportStepViewModel model) {
        this.model = model;
        folder.setId("export-folder");
        fileName.setId("export-file-name");
        export.setId("export");
        progress.setId("export-progress");
        file.setId("export-file");
        records.setId("export-records");
        sha256.setId("export-sha256");
        copySha.setId("copy-sha256");

        Styles.primaryUntil(export, model.validProperty());
        sha256.getStyleClass().add(Styles.MONOSPACE);
        fileName.getStyleClass().add(Styles.MONOSPACE);
        progress.setMaxWidth(Double.MAX_VALUE);
        // Zoomed in (150 %, 200 %), the path and the SHA-256 wrap (the SHA-256 breaks where it must: it has no
        // spaces), so that the lead reads both whole; a field that scrolled showed only part of the SHA-256. Copy
        // takes it whole; no name, count or button is cut.
        for (Label l : new Label[] {file, sha256}) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        records.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bytes.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        copySha.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        GridPane form = new GridPane();
        Em.apply(form, 0.77, form::setHgap);
        Em.apply(form, 0.62, form::setVgap);
        Label folderLabel = new Label("_Folder");
        folderLabel.setLabelFor(folder);
        folderLabel.setMnemonicParsing(true);
        folderLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label nameLabel = new Label("File _name");
        nameLabel.setLabelFor(fileName);
        nameLabel.setMnemonicParsing(true);
        nameLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox folderRow = Em.spacing(new HBox(folder, browse), 0.46);
        HBox.setHgrow(folder, Priority.ALWAYS);
        form.addRow(0, folderLabel, folderRow);
        form.addRow(1, nameLabel, fileName);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        GridPane.setHgrow(fileName, Priority.ALWAYS);

        GridPane facts = StepLayout.facts();
        StepLayout.addFact(facts, 0, "File", file);
        StepLayout.addFact(facts, 1, "Records", records);
        StepLayout.addFact(facts, 2, "Size", bytes);
        HBox shaRow = Em.spacing(new HBox(sha256, copySha), 0.46);
        shaRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(sha256, Priority.ALWAYS);
        sha256.setMaxWidth(Double.MAX_VALUE);
        StepLayout.addFact(facts, 3, "SHA-256", shaRow);
        GridPane.setHgrow(shaRow, Priority.ALWAYS);
        GridPane.setHgrow(file, Priority.ALWAYS);
        StepLayout.valuesGiveWay(facts);
        Label nextStep = new Label("Next, runbook step 4: \u201cPort-forward and recluster\u201d sends this file to "
                + "POST /admin/recluster through a port-forward to one pod, in batches, as the raw JSON body. Its SHA-256 "
                + "is checked again before anything is sent.");
        nextStep.setWrapText(true);
        nextStep.getStyleClass().add(Styles.STEP_INTRO);
        resultCard = Em.spacing(new VBox(facts, nextStep), 0.62);
        resultCard.getStyleClass().add(Styles.CARD);

        MessageLabel modeWarning = new MessageLabel(model.modeWarningProperty());
        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("export-message");

        root = StepLayout.scrolling(StepLayout.page("Export the runbook's JSON file",
                "Runbook step 3's export: an array of {person_uuid, source_system, source_system_id}, the file the "
                        + "recluster is sent from. It is written to a temporary file and renamed only when complete, "
                        + "then read back and checked against the preview. It holds identifiers only.",
                modeWarning, form, Em.spacing(new HBox(export), 0.77), progress, message, resultCard));
        bind();
    }

    private void bind() {
        folder.textProperty().bindBidirectional(model.folderProperty());
        fileName.textProperty().bindBidirectional(model.fileNameProperty());
        browse.setOnAction(e -> model.chooseFile());
        export.setOnAction(e -> model.export());
        Shortcuts.bind(export, Shortcuts.EXPORT_SAVE);
        export.disableProperty().bind(model.busyProperty());
        browse.disableProperty().bind(model.busyProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        resultCard.visibleProperty().bind(model.resultProperty().isNotNull());
        resultCard.managedProperty().bind(resultCard.visibleProperty());
        model.resultProperty().addListener((obs, was, now) -> show(now));
        copySha.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(sha256.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    private void show(ExportResult r) {
        if (r == null) {
            return;
        }
        file.setText(r.file().toString());
        records.setText(NumberFormat.getIntegerInstance(Locale.UK).format(r.records()));
        bytes.setText(NumberFormat.getIntegerInstance(Locale.UK).format(r.bytes()) + " bytes");
        sha256.setText(r.sha256());
    }

    public Node root() {
        return root;
    }
}
