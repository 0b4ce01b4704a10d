package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Cutoff;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffInput;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffParser;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.WindowWidening;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.QueryText;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.QueryRuns;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Step 2: the deployment time of the bad release. The zone is always explicit, the exact UTC value the query binds
 * is always on screen, and a time that a clock change makes ambiguous or impossible is put back to the user.
 */
public final class CutoffStepViewModel {

    public static final ZoneId UTC = ZoneOffset.UTC;
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final WizardSession session;
    private final TaskRunner tasks;
    private final Clock clock;
    private final SettingsStore settings;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", CutoffParser.LONDON);
    private final ReadOnlyObjectWrapper<CutoffInput> input = new ReadOnlyObjectWrapper<>(this, "input", new CutoffInput.Empty());
    private final ReadOnlyObjectWrapper<Cutoff> cutoff = new ReadOnlyObjectWrapper<>(this, "cutoff");
    private final ReadOnlyStringWrapper utcLine = new ReadOnlyStringWrapper(this, "utcLine", "");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    // Kept: a read-only view listens weakly, so one made per call could be collected with its listeners.
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyObjectWrapper<AffectedCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper countsSql = new ReadOnlyStringWrapper(this, "countsSql", "");
    private final ReleasesViewModel releases;

    private static final String COUNT = "count";
    // A newer cutoff cancels an older count; its late result is dropped.
    private final QueryRuns runs = new QueryRuns();
    private Cutoff committed;
    private AffectedWindow lastCountWindow;

    public CutoffStepViewModel(WizardSession session, TaskRunner tasks, Clock clock, SettingsStore settings) {
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.settings = settings;
        settings.get("cutoff.zone").map(ZoneId::of).ifPresent(zone::set);
        text.addListener((obs, was, now) -> reparse());
        zone.addListener((obs, was, now) -> {
            settings.put("cutoff.zone", now.getId());
            reparse();
        });
        cutoff.addListener((obs, was, now) -> {
            valid.set(now != null);
            session.cutoffProperty().set(now);
            count();
        });
        session.replicaProperty().addListener((obs, was, now) -> count());
        session.eventClockProperty().addListener((obs, was, now) -> {
            Cutoff c = cutoff.get();
            if (c != null) {
                utcLine.set(c.describe(now));
            }
            count();
        });
        releases = new ReleasesViewModel(session, tasks, settings, this, clock);
    }

    /**
     * Puts back the deployment time of a resumed incident as it was typed, in its zone. When the text now reads
     * as two instants (the night the clocks went back), the one the journal has is chosen; when it no longer
     * reads as the journal's instant at all, the message says so. The journal has it already: not recorded again.
     */
    public void restore(JournalEntry.CutoffSet set) {
        zone.set(ZoneId.of(set.zone()));
        text.set(set.typed());
        if (input.get() instanceof CutoffInput.Ambiguous a) {
            accept(a.earlier().instant().equals(set.utc()) ? a.earlier() : a.later());
        }
        Cutoff c = cutoff.get();
        if (c == null || !c.instant().equals(set.utc())) {
            message.set(Message.warning("Resumed: this incident's deployment time was \u201c" + set.typed() + "\u201d "
                    + set.zone() + " = " + UTC_TIME.format(set.utc().atZone(UTC)) + ", but it now reads as "
                    + (c == null ? "no time" : c.describe()) + ". Check it before going on."));
        } else {
            committed = c;
            message.set(Message.info("Resumed: the deployment time as this incident typed it, \u201c" + set.typed()
                    + "\u201d " + set.zone() + " = " + UTC_TIME.format(set.utc().atZone(UTC)) + "."));
        }
    }

    /** The "from the cluster" panel: picking a release fills this step's deployment time. */
    public ReleasesViewModel releases() {
        return releases;
    }

    /** From the date picker and time field: written into the text so that there is one source of truth. */
    public void pick(LocalDate date, LocalTime time) {
        if (date != null && time != null) {
            text.set(TYPED.format(date.atTime(time)));
        }
    }

    /** Answers the clock-change question: which of the two instants the user meant. */
    public void chooseAmbiguous(boolean earlier) {
        if (input.get() instanceof CutoffInput.Ambiguous a) {
            accept(earlier ? a.earlier() : a.later());
            message.set(Message.info("You chose " + (earlier ? "the first" : "the second") + " " + a.local().toLocalTime()
                    + " of the night the clocks went back."));
        }
    }

    private void reparse() {
        CutoffInput parsed = CutoffParser.parse(text.get(), zone.get());
        input.set(parsed);
        warnings.clear();
        if (parsed instanceof CutoffInput.Valid v) {
            message.set(null);
            accept(v.cutoff());
        } else {
            cutoff.set(null);
            utcLine.set("");
            if (parsed instanceof CutoffInput.Invalid i) {
                message.set(Message.error(i.message()));
            } else if (parsed instanceof CutoffInput.Nonexistent n) {
                message.set(Message.error(n.message()));
            } else if (parsed instanceof CutoffInput.Ambiguous a) {
                message.set(Message.warning(a.local() + " happened twice in " + a.zone().getId()
                        + " that night, because the clocks went back. Choose which one you mean: "
                        + a.earlier().describe() + ", or " + a.later().describe() + "."));
            } else {
                message.set(null);
            }
        }
    }

    private void accept(Cutoff c) {
        utcLine.set(c.describe(session.eventClockProperty().get()));
        warnings.setAll(CutoffParser.warnings(c, clock));
        cutoff.set(c);
    }

    /** Counts over the cutoff up to the replica's now, in the background; a newer cutoff cancels an older count. */
    private void count() {
        long generation = runs.restart();
        counts.set(null);
        Cutoff c = cutoff.get();
        Replica replica = session.replicaProperty().get();
        if (c == null || replica == null) {
            counting.set(false);
            countsText.set("");
            return;
        }
        counting.set(true);
        countsText.set("Counting affected events since " + c.describe() + "\u2026");
        tasks.run(() -> {
            var asOf = replica.lag().trustedUpTo();
            if (!asOf.isAfter(c.instant())) {
                return new CountOutcome(null, null, asOf, "", null);
            }
            AffectedWindow w = session.window(c.instant(), asOf);
            ReplicaQuery<AffectedCounts> q = replica.counts(w);
            if (!runs.register(generation, COUNT, q)) {
                return null;
            }
            AffectedCounts counted = q.run();
            String widened = null;
            if (w.lower().widened() || w.upper().widened()) {
                ReplicaQuery<WindowWidening> extra = replica.widening(w);
                if (!runs.register(generation, COUNT, extra)) {
                    return null;
                }
                widened = extra.run().describe().orElse(null);
            }
            return new CountOutcome(counted, w, asOf, QueryText.counts(w), widened);
        }, outcome -> {
            if (!isCurrent(generation) || outcome == null) {
                return;
            }
            counting.set(false);
            if (outcome.counts() == null) {
                countsText.set("The cutoff is after the replica's clock (" + UTC_TIME.format(outcome.asOf().atZone(UTC)) + "): no events yet.");
                return;
            }
            counts.set(outcome.counts());
            lastCountWindow = outcome.window();
            countsSql.set(outcome.sql());
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            countsText.set(n.format(outcome.counts().events()) + " affected events, "
                    + n.format(outcome.counts().distinctRecords()) + " distinct records, "
                    + n.format(outcome.counts().distinctClusters()) + " clusters (as of "
                    + UTC_TIME.format(outcome.asOf().atZone(UTC)) + ", event_timestamp read in "
                    + outcome.window().clock().label() + ")." + (outcome.widened() == null ? "" : " " + outcome.widened()));
        }, error -> {
            if (!isCurrent(generation)) {
                return;
            }
            counting.set(false);
            if (!(error instanceof java.util.concurrent.CancellationException)) {
                countsText.set("Could not count: " + Replica.describeFailure(error));
            }
        });
    }

    /**
     * Journals the cutoff the user moves on with (not every time typed on the way to it), how it was derived when
     * it came from a release, and the counts shown for it.
     */
    public void commit() {
        Cutoff c = cutoff.get();
        if (c == null || c.equals(committed)) {
            return;
        }
        committed = c;
        session.record(new JournalEntry.CutoffSet(c.typed(), c.zone().getId(), c.local(), c.instant()));
        var release = releases.chosenProperty().get();
        if (release != null) {
            session.record(new JournalEntry.Decision(DecisionKind.NOTE, null, "Cutoff taken from the cluster: "
                    + release.describe() + ", less "
                    + releases.marginMinutesProperty().get() + " min" + (release.current()
                    ? "; this was the revision running at the time (the rollback was not live yet)" : "") + "."));
        }
        if (counts.get() != null && lastCountWindow != null) {
            session.record(new JournalEntry.CountsTaken(lastCountWindow, counts.get()));
        }
    }

    private record CountOutcome(AffectedCounts counts, AffectedWindow window, java.time.Instant asOf, String sql,
                                String widened) {
    }

    public void cancel() {
        if (counting.get()) {
            runs.restart();
            counting.set(false);
            countsText.set("Count cancelled.");
        }
    }

    private boolean isCurrent(long generation) {
        runs.forget(generation, COUNT);
        return runs.isCurrent(generation);
    }

    public StringProperty textProperty() { return text; }
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }
    public ReadOnlyObjectProperty<CutoffInput> inputProperty() { return input.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Cutoff> cutoffProperty() { return cutoff.getReadOnlyProperty(); }
    public ReadOnlyStringProperty utcLineProperty() { return utcLine.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ObservableList<String> warnings() { return warningsView; }
    public ReadOnlyObjectProperty<AffectedCounts> countsProperty() { return counts.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countsTextProperty() { return countsText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty countingProperty() { return counting.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countsSqlProperty() { return countsSql.getReadOnlyProperty(); }

    static List<ZoneId> zones() {
        return List.of(CutoffParser.LONDON, UTC);
    }
}
