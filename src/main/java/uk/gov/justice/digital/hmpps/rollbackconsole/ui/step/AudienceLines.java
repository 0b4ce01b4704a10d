package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff.CutoffStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export.ExportStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeVerdict;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.RunAlerts;

/**
 * The one state or number each step's audience needs, for presenter mode's card: Deployment time the cutoff (as
 * typed and in UTC), Preview the affected count, Export
 * the records written, Progress the run's headline and records done, Outcome the NEEDS_ATTENTION verdict. Counts
 * only, never a record: the card is on the shared screen.
 */
public final class AudienceLines {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private AudienceLines() {
    }

    public static IntFunction<ObservableValue<String>> of(WizardSession session, List<WizardStep> steps) {
        return index -> {
            WizardStep step = steps.get(index);
            if (step instanceof CutoffStep) {
                // Zoomed in, the step's own line compared with event_timestamp can be below the fold.
                return session.cutoffProperty().map(c -> "Cutoff " + c.describe());
            }
            if (step instanceof PreviewStep) {
                return session.previewProperty().map(p -> p.mode() == RecordMode.ONE_ROW_PER_EVENT
                        ? count(p.records().size(), "row") + ", one per event (not de-duplicated)"
                        : count(p.records().size(), "affected record"));
            }
            if (step instanceof ExportStep) {
                return session.exportProperty().map(r -> count(r.records(), "record") + " written");
            }
            if (step instanceof ProgressStep) {
                return session.reclusterProperty().flatMap(AudienceLines::progress);
            }
            if (step instanceof OutcomeStep outcome) {
                return outcome.model().verdictProperty().map(v -> v.headline());
            }
            return null;
        };
    }

    /**
     * The colour of each step's line, the run's as Progress draws it and the Outcome verdict's (only a fall is good
     * news): "danger", "decision" or "success"; null where a line has no tone.
     */
    public static IntFunction<ObservableValue<String>> tones(WizardSession session, List<WizardStep> steps) {
        return index -> {
            WizardStep step = steps.get(index);
            if (step instanceof ProgressStep) {
                return session.reclusterProperty().flatMap(run -> run.statusProperty().map(s -> switch (s.tone()) {
                    case DANGER -> "danger";
                    case DECISION -> "decision";
                    case SUCCESS -> "success";
                    case GOING -> "";
                }));
            }
            if (step instanceof OutcomeStep outcome) {
                return outcome.model().verdictProperty().map(v -> v.kind() == OutcomeVerdict.Kind.FELL ? "success"
                        : "decision");
            }
            return null;
        };
    }

    /** How far the run has come (0 to 1), for a bar under Progress's line; null on the other steps. */
    public static IntFunction<ObservableValue<Number>> progress(WizardSession session, List<WizardStep> steps) {
        return index -> steps.get(index) instanceof ProgressStep
                ? session.reclusterProperty().flatMap(ReclusterMonitor::overallProperty) : null;
    }

    /** "Paused  •  4 of 10 records done". */
    private static ObservableValue<String> progress(ReclusterMonitor run) {
        return Bindings.createStringBinding(() -> {
            if (run.statusProperty().get() == null || run.plan() == null) {
                return "";
            }
            long total = run.plan().records();
            return run.statusProperty().get().headline() + "  \u2022  " + COUNT.format(RunAlerts.recordsDone(run))
                    + " of " + count(total, "record") + " done";
        }, run.statusProperty(), run.overallProperty(), run.planProperty());
    }

    private static String count(long n, String what) {
        return COUNT.format(n) + " " + what + (n == 1 ? "" : "s");
    }
}
