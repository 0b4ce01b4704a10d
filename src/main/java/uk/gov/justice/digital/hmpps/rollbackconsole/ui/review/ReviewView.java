package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SegmentedButton;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Problem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Severity;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SideBySide;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/**
 * The review screen: a header naming the file, the progress while it is read, then the verdict in big letters, the
 * file's summary and comparison on the left, and on the right its problems with the lines of the selected one.
 */
public final class ReviewView {

    private final ReviewViewModel model;
    private final BorderPane root = new BorderPane();

    private final Label title = new Label();
    private final Label path = new Label();
    private final Button openAnother = new Button("Open another\u2026");
    private final Button compare = new Button("_Compare with\u2026");
    private final Button back = new Button("_Back to the runbook");

    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");

    private final VBox verdictBox = new VBox();
    private final Label verdictHeadline = new Label();
    private final Label verdictDetail = new Label();
    private final Button saveDeduplicated = new Button("Save a de-duplicated file\u2026");
    private final Button reviewDeduplicated = new Button("Review the de-duplicated file");

    private final Label form = new Label();
    private final Label query = new Label();
    private final Label queryName = new Label("Query");
    private final Label records = new Label();
    private final Label bySystem = new Label();
    private final Label clusters = new Label();
    private final Label withoutUuid = new Label();
    private final Label size = new Label();
    private final TextField sha256 = new TextField();
    private final Button copySha = new Button("Copy");
    private final Label batches = new Label();
    private final Button send = new Button("Send this file\u2026");
    private final Label sendNote = new Label();

    private final VBox compareCard = Em.spacing(new VBox(), 0.62);
    private final Label compareTitle = new Label();
    private final Label comparePaths = new Label();
    private final Label onlyInA = bigNumber("compare-only-a");
    private final Label onlyInB = bigNumber("compare-only-b");
    private final Label inBoth = bigNumber("compare-both");
    private final Label savedOnlyInA = savedLabel("saved-only-a");
    private final Label savedOnlyInB = savedLabel("saved-only-b");
    private final Label savedInBoth = savedLabel("saved-both");
    private final Button saveOnlyInA = new Button("Save\u2026");
    private final Button saveOnlyInB = new Button("Save\u2026");
    private final Button saveInBoth = new Button("Save\u2026");

    private final ToggleButton all = new ToggleButton();
    private final ToggleButton errors = new ToggleButton();
    private final ToggleButton warnings = new ToggleButton();
    private final ProblemsTable table;
    private final Label notShown = new Label();
    private final Label problemDetail = new Label();
    private final VBox excerptLines = new VBox();

    private final SplitPane body;
    private ScrollPane summaryScroll;

    public ReviewView(ReviewViewModel model, Runnable backToRunbook, Runnable sendFile) {
        this.model = model;
        this.table = new ProblemsTable(model.visibleProblems());
        title.setId("review-title");
        path.setId("review-path");
        openAnother.setId("review-open-another");
        compare.setId("compare");
        back.setId("review-back");
        progress.setId("review-progress");
        progressText.setId("review-progress-text");
        cancel.setId("review-cancel");
        verdictBox.setId("review-verdict-box");
        verdictHeadline.setId("review-verdict");
        verdictDetail.setId("review-verdict-detail");
        saveDeduplicated.setId("save-deduplicated");
        reviewDeduplicated.setId("review-deduplicated");
        form.setId("review-form");
        query.setId("review-query");
        records.setId("review-records");
        bySystem.setId("review-by-system");
        clusters.setId("review-clusters");
        withoutUuid.setId("review-without-uuid");
        size.setId("review-size");
        sha256.setId("review-sha256");
        copySha.setId("review-copy-sha256");
        batches.setId("review-batches");
        send.setId("send-file");
        sendNote.setId("send-note");
        compareCard.setId("compare-card");
        saveOnlyInA.setId("save-only-a");
        saveOnlyInB.setId("save-only-b");
        saveInBoth.setId("save-both");
        table.setId("problems-table");
        notShown.setId("not-shown");
        problemDetail.setId("problem-detail");
        excerptLines.setId("excerpt");
        all.setId("filter-all");
        errors.setId("filter-errors");
        warnings.setId("filter-warnings");

        root.getStyleClass().add(Styles.REVIEW);
        root.setTop(new VBox(header(), status()));
        body = new SplitPane(summary(), problems());
        body.setDividerPositions(0.39);
        body.getStyleClass().add(Styles.REVIEW_BODY);
        root.setCenter(body);
        // Zoomed in (200 % on a 1280 x 720 screen) the file's facts go above its problems: side by side, each at its
        // narrowest (the facts, the problems' filter), they made the review wider than the screen ("Back to the
        // runbo" and "Cop" cut at its edge).
        javafx.beans.InvalidationListener orient = o -> {
            if (root.getScene() != null) {
                boolean narrow = root.getScene().getWidth() < 56 * Presenter.emFor(root);
                body.setOrientation(narrow ? javafx.geometry.Orientation.VERTICAL : javafx.geometry.Orientation.HORIZONTAL);
            }
        };
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.widthProperty().removeListener(orient);
            }
            if (now != null) {
                now.widthProperty().addListener(orient);
            }
            orient.invalidated(null);
        });
        Presenter.follow(root, n -> orient.invalidated(null));
        bind(backToRunbook);
        send.disableProperty().bind(model.reviewedFileProperty().isNull());
        send.setOnAction(e -> sendFile.run());
    }

    // ---- building

    private Node header() {
        title.getStyleClass().add(Styles.STEP_TITLE);
        title.setMinWidth(0);
        // Zoomed in, the file's name goes onto a second line rather than ending in "...".
        title.setWrapText(true);
        path.getStyleClass().addAll(Styles.STEP_INTRO);
        path.setMinWidth(0);
        VBox names = Em.spacing(new VBox(title, path), 0.15);
        names.setMinWidth(0);
        HBox.setHgrow(names, Priority.ALWAYS);
        compare.setMnemonicParsing(true);
        back.setMnemonicParsing(true);
        back.getStyleClass().add(Styles.PRIMARY);
        HBox buttons = Em.spacing(new HBox(openAnother, compare, back), 0.62);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        buttons.setAlignment(javafx.geometry.Pos.TOP_RIGHT);
        // Zoomed in (150-200 % on a 1280 x 720 screen) the buttons go under the file's name: beside it they squeezed
        // the name into a narrow column, a word a line, and pushed the verdict below the fold.
        SideBySide header = new SideBySide(names, buttons, 80, 0.62);
        header.getStyleClass().add(Styles.REVIEW_HEADER);
        return header;
    }

    private Node status() {
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox bar = Em.spacing(new HBox(progress, cancel), 0.77);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox progressBox = Em.spacing(new VBox(progressText, bar), 0.46);
        progressBox.getStyleClass().add(Styles.CARD);
        progressBox.visibleProperty().bind(model.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());

        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("review-message");

        verdictHeadline.getStyleClass().add(Styles.VERDICT_HEADLINE);
        verdictHeadline.setMinWidth(Region.USE_PREF_SIZE);
        verdictDetail.setWrapText(true);
        verdictDetail.getStyleClass().add(Styles.VERDICT_DETAIL);
        // A file with repeats can be made into one that lists each record once, then reviewed in its turn.
        saveDeduplicated.setTooltip(new Tooltip("Writes a copy in the runbook's format with each source_system and "
                + "source_system_id once, keeping its first row"));
        MessageLabel dedupMessage = new MessageLabel(model.deduplication().messageProperty());
        dedupMessage.setId("deduplicated-message");
        // Each whole ("Save a de-duplicated file...", not "Save a de-duplicated ..."): at 200 % they have the width.
        saveDeduplicated.setMinWidth(Region.USE_PREF_SIZE);
        reviewDeduplicated.setMinWidth(Region.USE_PREF_SIZE);
        HBox dedupRow = Em.spacing(new HBox(saveDeduplicated, reviewDeduplicated), 0.62);
        dedupRow.setAlignment(Pos.CENTER_LEFT);
        VBox words = Em.spacing(new VBox(verdictHeadline, verdictDetail, dedupRow, dedupMessage), 0.31);
        HBox.setHgrow(words, Priority.ALWAYS);
        // The SHA-256 sits by the verdict: it is what the reviewer reads out to whoever sends the file.
        sha256.setEditable(false);
        sha256.getStyleClass().add(Styles.MONOSPACE);
        sha256.setPrefColumnCount(64);
        Em.minWidth(sha256, 9.23);
        // The SHA-256 field gives way; the button's word does not collapse to "...".
        copySha.setMinWidth(Region.USE_PREF_SIZE);
        copySha.setTooltip(new Tooltip("Copy the SHA-256 to the clipboard, to compare it with the sender's"));
        Label shaName = new Label("SHA-256 of the bytes reviewed");
        shaName.getStyleClass().add(Styles.FACT_NAME);
        shaName.setWrapText(true);
        HBox shaRow = Em.spacing(new HBox(sha256, copySha), 0.46);
        HBox.setHgrow(sha256, Priority.ALWAYS);
        VBox sha = Em.spacing(new VBox(shaName, shaRow), 0.31);
        sha.setAlignment(Pos.CENTER_LEFT);
        Em.minWidth(sha, 15.38);
        // At 200 % the SHA-256 goes under the verdict's words: beside them the band was wider than a 1280 x 720
        // screen, and the whole review with it ("Back to the runbo", "Cop", the de-duplication's buttons cut).
        SideBySide band = new SideBySide(words, sha, 56, 0.55);
        band.setId("verdict-band");
        verdictBox.getChildren().setAll(band);
        verdictBox.getStyleClass().add(Styles.VERDICT);

        VBox status = Em.spacing(new VBox(progressBox, message, verdictBox), 0.77);
        status.getStyleClass().add(Styles.REVIEW_STATUS);
        return status;
    }

    private Node summary() {
        Label heading = sectionTitle("This file");
        GridPane facts = StepLayout.facts();
        int row = 0;
        form.setWrapText(true);
        StepLayout.addFact(facts, row++, "Form", form);
        query.setWrapText(true);
        query.getStyleClass().add(Styles.MONOSPACE);
        queryName.getStyleClass().add(Styles.FACT_NAME);
        facts.add(queryName, 0, row);
        facts.add(query, 1, row++);
        StepLayout.addFact(facts, row++, "Records", records);
        bySystem.setWrapText(true);
        StepLayout.addFact(facts, row++, "By source system", bySystem);
        StepLayout.addFact(facts, row++, "Clusters (person_uuid)", clusters);
        StepLayout.addFact(facts, row++, "Without person_uuid", withoutUuid);
        StepLayout.addFact(facts, row++, "Size", size);
        StepLayout.addFact(facts, row, "Batches to send", batches);
        // Zoomed in, the card is narrow: a value goes onto a second line rather than end in "..." ("1 request o...").
        for (Label value : List.of(records, clusters, withoutUuid, size, batches)) {
            value.setWrapText(true);
        }
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().setAll(names, values);

        // A disabled control shows no tooltip, so the explanation sits on a holder around it, and beside it.
        StackPane sendHolder = new StackPane(send);
        sendHolder.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(sendHolder, new Tooltip("Opens the Port-forward and recluster step with this file."));
        sendNote.setWrapText(true);
        sendNote.getStyleClass().add(Styles.STEP_INTRO);
        HBox sendRow = Em.spacing(new HBox(sendHolder, sendNote), 0.77);
        sendRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(sendNote, Priority.ALWAYS);

        VBox fileCard = Em.spacing(new VBox(heading, facts, sendRow), 0.77);
        fileCard.getStyleClass().add(Styles.CARD);

        compareTitle.getStyleClass().add(Styles.SECTION_TITLE);
        compareTitle.setWrapText(true);
        comparePaths.getStyleClass().add(Styles.STEP_INTRO);
        comparePaths.setWrapText(true);
        GridPane counts = new GridPane();
        counts.getStyleClass().add(Styles.COMPARE_COUNTS);
        counts.addRow(0, onlyInA, onlyInB, inBoth);
        counts.addRow(1, caption("only in A"), caption("only in B"), caption("in both"));
        counts.addRow(2, saveOnlyInA, saveOnlyInB, saveInBoth);
        counts.addRow(3, savedOnlyInA, savedOnlyInB, savedInBoth);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            counts.getColumnConstraints().add(c);
        }
        Label compareIntro = new Label("Records matched by source_system and source_system_id, each counted once "
                + "however often it is listed. Save writes a difference in the runbook's format.");
        compareIntro.setWrapText(true);
        compareIntro.getStyleClass().add(Styles.STEP_INTRO);
        MessageLabel compareMessage = new MessageLabel(model.compareMessageProperty());
        compareMessage.setId("compare-message");
        ProgressBar comparing = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        comparing.setMaxWidth(Double.MAX_VALUE);
        comparing.visibleProperty().bind(model.comparingProperty());
        comparing.managedProperty().bind(comparing.visibleProperty());
        VBox countsBox = Em.spacing(new VBox(counts, compareIntro), 0.62);
        countsBox.visibleProperty().bind(model.diffProperty().isNotNull());
        countsBox.managedProperty().bind(countsBox.visibleProperty());
        compareCard.getChildren().setAll(compareTitle, comparePaths, comparing, countsBox, compareMessage);
        compareCard.getStyleClass().add(Styles.CARD);

        VBox left = Em.spacing(new VBox(fileCard, compareCard), 0.92);
        left.getStyleClass().add(Styles.REVIEW_PANE);
        summaryScroll = StepLayout.scrolling(left);
        Em.minWidth(summaryScroll, 24.62);
        return summaryScroll;
    }

    private Node problems() {
        Label heading = sectionTitle("Problems");
        SegmentedButton filter = new SegmentedButton(all, errors, warnings);
        all.setUserData(null);
        errors.setUserData(Severity.ERROR);
        warnings.setUserData(Severity.WARNING);
        // The group takes the buttons only when the control's skin is made; until then it ignores them.
        for (ToggleButton b : List.of(all, errors, warnings)) {
            b.setToggleGroup(filter.getToggleGroup());
            // The counts stay whole at 200 % ("Errors (3)", not "Erro...").
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        filter.getToggleGroup().selectToggle(all);
        filter.getToggleGroup().selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // One choice is always made.
                filter.getToggleGroup().selectToggle(was);
            } else {
                model.severityFilterProperty().set((Severity) now.getUserData());
            }
        });
        model.severityFilterProperty().addListener((obs, was, now) -> filter.getToggleGroup().selectToggle(
                now == null ? all : now == Severity.ERROR ? errors : warnings));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = Em.spacing(new HBox(heading, spacer, filter), 0.77);
        top.setAlignment(Pos.CENTER_LEFT);

        notShown.setWrapText(true);
        notShown.getStyleClass().add(Styles.STEP_INTRO);
        notShown.visibleProperty().bind(Bindings.isNotEmpty(model.notShown()));
        notShown.managedProperty().bind(notShown.visibleProperty());
        VBox list = Em.spacing(new VBox(top, table, notShown), 0.62);
        VBox.setVgrow(table, Priority.ALWAYS);
        list.getStyleClass().add(Styles.REVIEW_PANE);

        Label linesHeading = sectionTitle("In the file");
        problemDetail.setWrapText(true);
        problemDetail.setMinHeight(Region.USE_PREF_SIZE);
        MessageLabel excerptMessage = new MessageLabel(model.excerptMessageProperty());
        excerptMessage.setId("excerpt-message");
        excerptLines.getStyleClass().add(Styles.EXCERPT);
        ScrollPane excerptScroll = new ScrollPane(excerptLines);
        excerptScroll.getStyleClass().add(Styles.EXCERPT_SCROLL);
        excerptScroll.setFitToHeight(true);
        excerptScroll.setFitToWidth(true);
        Em.minHeight(excerptScroll, 9.23);
        excerptScroll.visibleProperty().bind(model.excerptProperty().isNotNull());
        excerptScroll.managedProperty().bind(excerptScroll.visibleProperty());
        VBox.setVgrow(excerptScroll, Priority.ALWAYS);
        VBox lines = Em.spacing(new VBox(linesHeading, problemDetail, excerptMessage, excerptScroll), 0.62);
        lines.getStyleClass().add(Styles.REVIEW_PANE);

        SplitPane split = new SplitPane(list, lines);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    // ---- binding

    private void bind(Runnable backToRunbook) {
        back.setOnAction(e -> backToRunbook.run());
        openAnother.setOnAction(e -> model.chooseAndOpen());
        compare.setOnAction(e -> model.chooseAndCompare());
        compare.disableProperty().bind(model.reportProperty().isNull().or(Bindings.createBooleanBinding(
                () -> model.workingProperty().get(), model.workingProperty())));
        cancel.setOnAction(e -> model.cancel());
        // Escape stops the reading, as it stops a step's work; the steps' own Cancel is not on screen meanwhile.
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.busyProperty().not());
        progress.progressProperty().bind(model.progressProperty());
        progressText.textProperty().bind(model.progressTextProperty());

        model.fileProperty().addListener((obs, was, now) -> showFile(now));
        showFile(model.fileProperty().get());
        model.verdictProperty().addListener((obs, was, now) -> showVerdict(now));
        showVerdict(model.verdictProperty().get());
        model.reportProperty().addListener((obs, was, now) -> showReport(now));
        showReport(model.reportProperty().get());
        body.visibleProperty().bind(model.reportProperty().isNotNull());

        saveDeduplicated.setOnAction(e -> model.saveDeduplicated());
        saveDeduplicated.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.reportProperty().get() != null
                && model.reportProperty().get().hasDuplicates(), model.reportProperty()));
        saveDeduplicated.managedProperty().bind(saveDeduplicated.visibleProperty());
        saveDeduplicated.disableProperty().bind(Bindings.createBooleanBinding(() -> model.workingProperty().get(),
                model.workingProperty()));
        reviewDeduplicated.setOnAction(e -> model.reviewDeduplicated());
        reviewDeduplicated.visibleProperty().bind(model.deduplication().savedProperty().isNotNull());
        reviewDeduplicated.managedProperty().bind(reviewDeduplicated.visibleProperty());
        reviewDeduplicated.getStyleClass().add(Styles.PRIMARY);
        copySha.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(sha256.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        sendNote.textProperty().bind(Bindings.createStringBinding(() -> model.reviewedFileProperty().get() != null
                ? "Opens the Port-forward and recluster step with this file. Its SHA-256 is checked again before "
                + "anything is sent, so a file changed since this review is refused."
                : "Only a file that is safe to send can be sent.", model.reviewedFileProperty()));

        compareCard.visibleProperty().bind(model.fileBProperty().isNotNull());
        compareCard.managedProperty().bind(compareCard.visibleProperty());
        model.fileBProperty().addListener((obs, was, now) -> showCompared());
        model.diffProperty().addListener((obs, was, now) -> showDiff(now));
        // A comparison's outcome is below the summary: bring it into view when it changes, once it is laid out.
        model.compareMessageProperty().addListener((obs, was, now) -> showCompareCard());
        model.diffProperty().addListener((obs, was, now) -> showCompareCard());
        saveOnlyInA.setOnAction(e -> model.save(Difference.ONLY_IN_A));
        saveOnlyInB.setOnAction(e -> model.save(Difference.ONLY_IN_B));
        saveInBoth.setOnAction(e -> model.save(Difference.IN_BOTH));
        for (Button b : List.of(saveOnlyInA, saveOnlyInB, saveInBoth)) {
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> model.workingProperty().get(),
                    model.workingProperty()));
        }
        model.saved().addListener((MapChangeListener<Difference, ExportResult>) c -> showSaved());

        model.problems().addListener((ListChangeListener<Problem>) c -> {
            showFilterCounts();
            if (model.selectedProblemProperty().get() == null) {
                selectInTable(null);
            }
        });
        showFilterCounts();
        notShown.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", model.notShown()),
                model.notShown()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null || table.getItems().isEmpty()) {
                model.selectedProblemProperty().set(now);
            }
        });
        model.selectedProblemProperty().addListener((obs, was, now) -> selectInTable(now));
        selectInTable(model.selectedProblemProperty().get());
        model.excerptProperty().addListener((obs, was, now) -> showExcerpt(now));
        showExcerpt(model.excerptProperty().get());
    }

    private void showFile(Path file) {
        title.setText(file == null ? "Offline review" : "Review of " + file.getFileName() + " \u2014 offline, no connection");
        path.setText(file == null ? "" : file.toString());
    }

    private void showVerdict(Verdict v) {
        verdictBox.setVisible(v != null);
        verdictBox.setManaged(v != null);
        verdictBox.getStyleClass().removeAll(Styles.VERDICT_SAFE, Styles.VERDICT_NOT_SAFE, Styles.VERDICT_NOTHING,
                Styles.VERDICT_CAUTION);
        if (v == null) {
            return;
        }
        verdictHeadline.setText(v.headline());
        verdictDetail.setText(v.detail());
        verdictBox.getStyleClass().add(switch (v.kind()) {
            case SAFE -> Styles.VERDICT_SAFE;
            case CAUTION -> Styles.VERDICT_CAUTION;
            case NOT_SAFE -> Styles.VERDICT_NOT_SAFE;
            case NOTHING_TO_SEND -> Styles.VERDICT_NOTHING;
        });
    }

    private void showReport(ReviewReport r) {
        if (r == null) {
            return;
        }
        form.setText(ReviewText.form(r));
        String q = ReviewText.query(r);
        query.setText(q == null ? "" : q);
        query.setVisible(q != null);
        query.setManaged(q != null);
        queryName.setVisible(q != null);
        queryName.setManaged(q != null);
        records.setText(ReviewText.records(r));
        bySystem.setText(ReviewText.bySourceSystem(r));
        clusters.setText(ReviewText.count(r.clusters()));
        withoutUuid.setText(ReviewText.count(r.withoutPersonUuid()));
        size.setText(ReviewText.size(r.sizeBytes()));
        sha256.setText(r.sha256());
        batches.setText(ReviewText.batches(r));
    }

    private void showFilterCounts() {
        long e = model.problems().stream().filter(p -> p.severity() == Severity.ERROR).count();
        long w = model.problems().size() - e;
        ReviewReport r = model.reportProperty().get();
        // The report counts every problem; the table holds those it kept.
        long allErrors = r == null ? e : r.errorCount();
        long allWarnings = r == null ? w : r.warningCount();
        all.setText("All (" + ReviewText.count(allErrors + allWarnings) + ")");
        errors.setText("Errors (" + ReviewText.count(allErrors) + ")");
        warnings.setText("Warnings (" + ReviewText.count(allWarnings) + ")");
    }

    private void selectInTable(Problem p) {
        if (p == null) {
            table.getSelectionModel().clearSelection();
            problemDetail.setText(model.problems().isEmpty() ? "No problems: nothing to point at in the file."
                    : "Select a problem to see its lines in the file.");
            return;
        }
        if (table.getSelectionModel().getSelectedItem() != p) {
            table.getSelectionModel().select(p);
            int row = table.getSelectionModel().getSelectedIndex();
            if (row >= 0) {
                table.scrollTo(Math.max(0, row - 2));
            }
        }
        problemDetail.setText("Line " + ReviewText.count(p.line()) + ", column " + ReviewText.count(p.column())
                + (p.aboutRecord() ? ", record " + ReviewText.count(p.recordNumber()) : "") + ": "
                + p.severity().label() + " " + p.code().name() + ": " + p.message());
    }

    private void showExcerpt(FileExcerpt excerpt) {
        excerptLines.getChildren().clear();
        if (excerpt == null) {
            return;
        }
        long widest = excerpt.lines().isEmpty() ? excerpt.line() : excerpt.lines().get(excerpt.lines().size() - 1).number();
        int width = Math.max(3, Long.toString(widest).length());
        for (FileExcerpt.Line l : excerpt.lines()) {
            Label text = excerptLine(String.format("%" + width + "d \u2502 %s", l.number(), l.text()));
            if (l.atPosition()) {
                text.getStyleClass().add(Styles.EXCERPT_MARKED);
                text.setId("excerpt-marked");
                excerptLines.getChildren().add(text);
                Label caret = excerptLine(" ".repeat(width) + " \u2502 " + " ".repeat(l.caret()) + "^");
                caret.getStyleClass().add(Styles.EXCERPT_CARET);
                caret.setId("excerpt-caret");
                excerptLines.getChildren().add(caret);
            } else {
                excerptLines.getChildren().add(text);
            }
        }
        if (excerpt.lines().isEmpty()) {
            excerptLines.getChildren().add(excerptLine("(the file has no line " + excerpt.line() + ")"));
        }
    }

    private void showCompareCard() {
        Platform.runLater(() -> {
            summaryScroll.layout();
            summaryScroll.setVvalue(summaryScroll.getVmax());
        });
    }

    private void showCompared() {
        Path a = model.fileProperty().get();
        Path b = model.fileBProperty().get();
        if (a == null || b == null) {
            return;
        }
        compareTitle.setText("Compared with " + b.getFileName());
        comparePaths.setText("A: " + a + "\nB: " + b);
        showSaved();
    }

    private void showDiff(DiffResult d) {
        if (d == null) {
            return;
        }
        onlyInA.setText(ReviewText.count(d.onlyInA()));
        onlyInB.setText(ReviewText.count(d.onlyInB()));
        inBoth.setText(ReviewText.count(d.inBoth()));
    }

    private void showSaved() {
        savedOnlyInA.setText(savedText(Difference.ONLY_IN_A));
        savedOnlyInB.setText(savedText(Difference.ONLY_IN_B));
        savedInBoth.setText(savedText(Difference.IN_BOTH));
    }

    private String savedText(Difference which) {
        ExportResult r = model.saved().get(which);
        return r == null ? "" : "Saved to " + r.file().getFileName();
    }

    // ---- small pieces

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SECTION_TITLE);
        return l;
    }

    private static Label bigNumber(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.BIG_NUMBER);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.FACT_NAME);
        return l;
    }

    private static Label savedLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.STEP_INTRO);
        return l;
    }

    private static Label excerptLine(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.MONOSPACE, Styles.EXCERPT_LINE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    public Node root() {
        return root;
    }
}
