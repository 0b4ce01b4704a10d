package uk.gov.justice.digital.hmpps.rollbackconsole.ui.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewedFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff.CutoffStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export.ExportStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Carries an unfinished incident on in this window: its journal becomes the session's (every later entry is
 * appended to it), the steps are given back what the journal says was chosen, and the wizard lands on the step
 * where it stopped. What cannot come back from a journal, the password and the rows of a preview, the user gives
 * again: after the connection, the wizard moves on to that step by itself.
 */
public final class IncidentResumption {

    /**
     * What resuming found.
     *
     * @param state        the incident as its journal stands, the resumption recorded
     * @param tornLine     what was done about a torn last line, when there was one
     * @param exportedFile the exported file as found now, when the incident exported one
     * @param sendRefused  why nothing more is sent from this window, when batches may have run
     * @param target       the index of the step where it stopped
     */
    public record Outcome(IncidentState state, Optional<String> tornLine, Optional<FileCheck> exportedFile,
                          Optional<String> sendRefused, int target) {
    }

    /** The exported file the journal names, read again: {@code shaNow} is null when it is no longer there. */
    public record FileCheck(JournalEntry.Exported exported, String shaNow) {
        public boolean intact() {
            return exported.sha256().equals(shaNow);
        }
    }

    private final WizardSession session;
    private final WizardViewModel wizard;
    private final TaskRunner tasks;
    private final ConnectStepViewModel connect;
    private final CutoffStepViewModel cutoff;
    private final PreviewStepViewModel preview;
    private final ExportStepViewModel export;

    public IncidentResumption(WizardSession session, WizardViewModel wizard, TaskRunner tasks,
                              ConnectStepViewModel connect, CutoffStepViewModel cutoff, PreviewStepViewModel preview,
                              ExportStepViewModel export) {
        this.session = session;
        this.wizard = wizard;
        this.tasks = tasks;
        this.connect = connect;
        this.cutoff = cutoff;
        this.preview = preview;
        this.export = export;
    }

    /**
     * Resumes the incident in {@code folder}: in the background the journal is opened for appending (a torn last
     * line kept beside it and cut off) and the exported file checked; then, on the UI thread, the steps are filled
     * and the wizard goes to where the incident stopped.
     */
    public void resume(Path folder, Consumer<Outcome> done, Consumer<Throwable> failed) {
        IncidentRecorder recorder = session.incident().orElse(null);
        if (recorder == null) {
            failed.accept(new IOException("this window keeps no journal"));
            return;
        }
        session.statusProperty().set("Resuming the incident in " + folder.getFileName() + "\u2026");
        tasks.run(() -> {
            IncidentState state = recorder.resume(folder);
            FileCheck check = null;
            if (state.export().isPresent()) {
                Path file = state.export().get().path();
                check = new FileCheck(state.export().get(), Files.isRegularFile(file) ? Sha256.of(file) : null);
            }
            // A file sent with no export (the offline review's): its SHA-256 checked again, as a fresh review's is.
            JournalEntry.SendStarted sent = state.export().isEmpty() ? state.send().orElse(null) : null;
            String sentSha = sent != null && Files.isRegularFile(sent.file()) ? Sha256.of(sent.file()) : null;
            return new Read(state, check, sent, sentSha);
        }, read -> {
            Outcome outcome = restore(read.state(), Optional.ofNullable(read.check()));
            if (read.sent() != null) {
                reviewedFile(read.state(), read.sent(), read.sentSha());
            }
            done.accept(outcome);
        }, failed);
    }

    private Outcome restore(IncidentState state, Optional<FileCheck> check) {
        session.resumed(state);
        Optional<String> clockChange = legacyClock(state);
        clockChange.ifPresent(note -> session.record(new JournalEntry.ClockChosen(EventClock.SERVICE, null, note)));
        state.connection().ifPresent(c -> connect.restore(c, state.environment(),
                state.step().ordinal() > 0 ? state.step().title() : null));
        connect.restoreClock(state.eventClock().map(JournalEntry.ClockChosen::clock).orElse(EventClock.SERVICE),
                clockChange);
        state.clusterTarget().ifPresent(session::restoreClusterTarget);
        state.cutoff().ifPresent(cutoff::restore);
        state.preview().ifPresent(p -> preview.restore(p.mode(), p.window()));
        // Every batch settled: nothing is left to send, so the file is not offered to the Send step; the incident
        // goes on to Outcome once a preview on a live connection gives the window to compare over.
        boolean runOver = state.sendFinished() && !state.finished();
        check.ifPresent(c -> {
            export.restore(c.exported(), c.shaNow());
            if (c.intact() && !runOver) {
                // As a reviewed file is: the Send step can send it with no connection, once its SHA-256 is
                // checked again; the journal refuses any batch when some may have run already.
                session.reviewedFileProperty().set(new ReviewedFile(c.exported().path(), c.exported().sha256(),
                        c.exported().records()));
            }
        });
        Optional<String> refused = session.resumeSend(state);
        Optional<String> torn = tornLine(state);
        int target = runOver ? IncidentStep.OUTCOME.ordinal() : state.step().ordinal();
        wizard.resumeAt(target);
        String file = check.filter(c -> !c.intact()).map(c -> " The exported file " + c.exported().path()
                + (c.shaNow() == null ? " is no longer there." : " has changed since it was exported.")).orElse("");
        session.statusProperty().set("Resumed the incident started " + uk.gov.justice.digital.hmpps.rollbackconsole
                .report.JournalWording.utc(state.started())
                // During the run, what is left comes first: it is what the status bar must not cut off.
                + (state.stoppedDuringRun() ? "," + run(state) + " " : ", stopped at " + state.step().title() + ". ")
                + batches(state) + (state.stoppedDuringRun() ? "" : run(state)) + refused.map(r -> " Nothing more is sent from this window.").orElse("") + file
                + torn.map(t -> " Its journal: " + t + ".").orElse("") + clockChange.map(c -> " " + c).orElse(""));
        return new Outcome(state, torn, check, refused, target);
    }

    /**
     * What carrying on changes for a journal written before the console read event_log in UK time: its windows were
     * compared as UTC wall-clock time, an hour early at both ends in summer. Empty for any other journal.
     */
    static Optional<String> legacyClock(IncidentState state) {
        if (!state.windowsInUtcBeforeClockChoice()) {
            return Optional.empty();
        }
        AffectedWindow old = state.preview().map(JournalEntry.PreviewTaken::window)
                .or(() -> state.counts().map(JournalEntry.CountsTaken::window)).orElse(null);
        java.time.Instant cutoff = old != null ? old.cutoff() : state.cutoff().get().utc();
        EventClock.Bound was = EventClock.UTC.lowerBound(cutoff);
        EventClock.Bound now = EventClock.SERVICE.lowerBound(cutoff);
        StringBuilder b = new StringBuilder("This incident's journal was written before the console read event_log in"
                + " UK time: it compared event_timestamp as UTC. It is carried on in UK time, the service's clock: ");
        if (was.value().equals(now.value()) && (old == null
                || EventClock.UTC.upperBound(old.asOf()).value().equals(EventClock.SERVICE.upperBound(old.asOf()).value()))) {
            b.append("its window falls in GMT, when both read the same, so it selects the same events.");
        } else {
            b.append("event_timestamp >= '").append(WALL_CLOCK.format(now.value())).append("' where the journal compared >= '")
                    .append(WALL_CLOCK.format(was.value())).append('\'');
            if (old != null) {
                b.append(", and < '").append(WALL_CLOCK.format(EventClock.SERVICE.upperBound(old.asOf()).value()))
                        .append("' where it compared < '").append(WALL_CLOCK.format(EventClock.UTC.upperBound(old.asOf()).value()))
                        .append('\'');
            }
            b.append(". The preview taken again shows the records of the corrected window; what was exported and sent"
                    + " before was selected on the old one.");
        }
        return Optional.of(b.toString());
    }

    private static final java.time.format.DateTimeFormatter WALL_CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The note of the resumption just recorded, when it found a torn last line. */
    static Optional<String> tornLine(IncidentState state) {
        List<JournalLine> lines = state.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).entry() instanceof JournalEntry.Resumed r) {
                return r.note().startsWith("the last line was incomplete") ? Optional.of(r.note()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** "Batches: 2 sent, 1 of unknown outcome, 3 not sent." or "No batch was sent." */
    public static String batches(IncidentState state) {
        List<BatchState> all = state.batches();
        if (all.isEmpty()) {
            return "No batch was sent.";
        }
        return "Batches: " + state.sent().size() + " sent, " + state.outcomeUnknown().size() + " of unknown outcome, "
                + state.notSent().size() + " not sent.";
    }

    /** What the recluster run left, when the incident stopped during it or after it; "" otherwise. */
    static String run(IncidentState state) {
        if (state.sendFinished()) {
            return state.finished() ? "" : " The recluster run was over: every batch is settled."
                    + " Connect (the password again) and the console takes the preview again over the same window"
                    + " and goes on to Outcome.";
        }
        if (!state.stoppedDuringRun()) {
            return "";
        }
        List<BatchState> left = state.unsettled();
        List<String> parts = new java.util.ArrayList<>();
        List<BatchState> unknown = left.stream().filter(b -> b.outcome() == BatchOutcome.OUTCOME_UNKNOWN).toList();
        List<BatchState> notSeen = left.stream().filter(b -> b.outcome() == BatchOutcome.SENT).toList();
        List<BatchState> notSent = left.stream().filter(b -> !b.mayHaveRun()).toList();
        if (!unknown.isEmpty()) {
            parts.add(numbers(unknown) + " of unknown outcome (asked about before anything is sent)");
        }
        if (!notSeen.isEmpty()) {
            parts.add(numbers(notSeen) + " taken by the service but never seen complete (its pod's log settles it"
                    + " before anything is sent)");
        }
        if (!notSent.isEmpty()) {
            parts.add(numbers(notSent) + " not sent");
        }
        return " stopped during the recluster run; left: " + String.join("; ", parts)
                + ". The Send step carries on with what is left.";
    }

    /** "batch 3", "batches 2, 3, 4" */
    static String numbers(List<BatchState> batches) {
        return (batches.size() == 1 ? "batch " : "batches ") + String.join(", ",
                batches.stream().map(b -> Integer.toString(b.index())).toList());
    }

    private record Read(IncidentState state, FileCheck check, JournalEntry.SendStarted sent, String sentSha) {
    }

    /**
     * An incident whose file came from the offline review has no connection and no export: it carries on at the Send
     * step, as a freshly reviewed file is sent, once the file is found unchanged; the Send step then prepares only
     * what is left (see the Send step's carrying on).
     */
    private void reviewedFile(IncidentState state, JournalEntry.SendStarted sent, String shaNow) {
        if (state.sendFinished()) {
            return;
        }
        if (!sent.sha256().equals(shaNow)) {
            session.statusProperty().set(session.statusProperty().get() + " The file it sent, " + sent.file()
                    + (shaNow == null ? ", is no longer there." : ", has changed since it was sent (SHA-256 was "
                    + sent.sha256() + ", is now " + shaNow + ")") + ": nothing more is sent from this window.");
            return;
        }
        session.reviewedFileProperty().set(new ReviewedFile(sent.file(), sent.sha256(), sent.records()));
        wizard.resumeAt(IncidentStep.SEND.ordinal());
    }
}
