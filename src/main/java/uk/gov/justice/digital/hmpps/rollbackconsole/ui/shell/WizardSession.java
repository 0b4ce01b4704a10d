package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Cutoff;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewedFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;

/**
 * What the steps of one incident share. Each step writes what it produced and listens to what it depends on, so
 * that changing an earlier answer (another database, another cutoff) clears everything derived from it.
 */
public final class WizardSession {

    private final ObjectProperty<Replica> replica = new SimpleObjectProperty<>(this, "replica");
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment");
    private final StringProperty connectionDetail = new SimpleStringProperty(this, "connectionDetail", "");
    // The clock event_log is written in (UK time on the real service): every window the steps build reads in it.
    private final ObjectProperty<EventClock> eventClock = new SimpleObjectProperty<>(this, "eventClock", EventClock.SERVICE);
    private final ObjectProperty<Cutoff> cutoff = new SimpleObjectProperty<>(this, "cutoff");
    // The one kubectl, context and namespace every step uses; see ClusterTarget.
    private final ClusterTarget clusterTarget = new ClusterTarget();
    // The release picked as the bad one at the Deployment time step; null when the time was typed.
    private final ObjectProperty<Release> badRelease = new SimpleObjectProperty<>(this, "badRelease");
    private final ObjectProperty<PreviewSnapshot> preview = new SimpleObjectProperty<>(this, "preview");
    private final ObjectProperty<ExportResult> export = new SimpleObjectProperty<>(this, "export");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready.");
    // Not derived from the replica or the cutoff: a reviewed file stands on its own, so nothing above clears it.
    private final ObjectProperty<ReviewedFile> reviewedFile = new SimpleObjectProperty<>(this, "reviewedFile");
    // Set once a recluster run has started; never cleared, so that the same records are not sent twice by mistake.
    private final ObjectProperty<ReclusterMonitor> recluster = new SimpleObjectProperty<>(this, "recluster");
    private final StringProperty forwardPod = new SimpleStringProperty(this, "forwardPod", "");

    // The earlier incident this window carries on, as its journal stood when it was resumed; null for a new one.
    private final javafx.beans.property.ReadOnlyObjectWrapper<IncidentState> resumed =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "resumed");
    // What the Send step is to carry on from: the resumed incident's batches. See resumeSend.
    private Predicate<IncidentState> sendContinuation = state -> false;
    private final javafx.beans.property.ReadOnlyObjectWrapper<IncidentState> resumedSend =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "resumedSend");

    private final IncidentRecorder incident;
    // The cluster target the journal last recorded, so that it is journalled once for each change, not each use.
    private JournalEntry.ClusterTargetSet journalledTarget;

    private final ProcessLedger processes;

    /** A session that keeps no journal (view-model tests). */
    public WizardSession() {
        this(null, null);
    }

    public WizardSession(IncidentRecorder incident) {
        this(incident, null);
    }

    /** @param processes where long-running kubectl processes are noted while they run; null for none */
    public WizardSession(IncidentRecorder incident, ProcessLedger processes) {
        this.incident = incident;
        this.processes = processes;
        replica.addListener((obs, was, now) -> {
            preview.set(null);
            if (was != null) {
                was.close();
            }
        });
        cutoff.addListener((obs, was, now) -> preview.set(null));
        eventClock.addListener((obs, was, now) -> preview.set(null));
        preview.addListener((obs, was, now) -> export.set(null));
        // The send uses the cluster target whichever way it was reached (a reviewed file needs no connection).
        recluster.addListener((obs, was, now) -> {
            if (now != null) {
                useClusterTarget();
            }
        });
    }

    public ObjectProperty<Replica> replicaProperty() {
        return replica;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public StringProperty connectionDetailProperty() {
        return connectionDetail;
    }

    /** The clock event_log's event_timestamp is compared in; never null. */
    public ObjectProperty<EventClock> eventClockProperty() {
        return eventClock;
    }

    /** The affected events from the cutoff to {@code asOf}, read in this incident's event_log clock. */
    public uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow window(java.time.Instant cutoff,
                                                                                    java.time.Instant asOf) {
        return new uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow(cutoff, asOf, eventClock.get());
    }

    public ObjectProperty<Cutoff> cutoffProperty() {
        return cutoff;
    }

    /** The cluster every step talks to, chosen once. */
    public ClusterTarget clusterTarget() {
        return clusterTarget;
    }

    /**
     * Said by a step as it uses the cluster target for the incident (connecting through it, reading releases, the
     * rollback check, the send): the journal records the target unless it already holds this one, and the settings
     * remember it for the next start. Before the incident has started there is nothing to journal it in; the next use
     * after the start journals it.
     */
    public void useClusterTarget() {
        Optional<JournalEntry.ClusterTargetSet> now = clusterTarget.entry();
        if (now.isEmpty()) {
            return;
        }
        clusterTarget.remember();
        if (incident == null || now.get().equals(journalledTarget)) {
            return;
        }
        incident.record(now.get());
        if (incident.folder().isPresent()) {
            journalledTarget = now.get();
        }
    }

    /** Gives the target back as a resumed incident's journal last recorded it. */
    public void restoreClusterTarget(JournalEntry.ClusterTargetSet target) {
        journalledTarget = target;
        clusterTarget.set(target.kubectl(), target.context(), target.namespace());
    }

    /** The release the cutoff was taken from, for the Send step's "is the rollback live?"; null when typed. */
    public ObjectProperty<Release> badReleaseProperty() {
        return badRelease;
    }

    public ObjectProperty<PreviewSnapshot> previewProperty() {
        return preview;
    }

    public ObjectProperty<ExportResult> exportProperty() {
        return export;
    }

    public ObjectProperty<ReclusterMonitor> reclusterProperty() {
        return recluster;
    }

    /**
     * The pod the Send step's port-forward is up to (kept while it reconnects), blank while there is none: the target
     * is known from the moment the forward answers, before any run, so the banner names the pod from then on.
     */
    public StringProperty forwardPodProperty() {
        return forwardPod;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * The last file the offline review found safe to send, or null; the send step (not in the console yet) is to
     * start from it. Cleared when another review starts, so it never names a file that was not the last one looked at.
     */
    public ObjectProperty<ReviewedFile> reviewedFileProperty() {
        return reviewedFile;
    }

    /** Where long-running kubectl processes are noted, so that a console killed outright has them ended later. */
    public Optional<ProcessLedger> processLedger() {
        return Optional.ofNullable(processes);
    }

    /** The incident's journal; empty when this session keeps none. */
    public Optional<IncidentRecorder> incident() {
        return Optional.ofNullable(incident);
    }

    /** The earlier incident this window carries on, or null when it started a new one. */
    public javafx.beans.property.ReadOnlyObjectProperty<IncidentState> resumedProperty() {
        return resumed.getReadOnlyProperty();
    }

    /** Marks this window as carrying on {@code state}; its journal is already this session's. */
    public void resumed(IncidentState state) {
        resumed.set(state);
    }

    /**
     * The Send step's way of carrying on a resumed incident's batches (it prepares a run of only the batches never
     * sent, asking about any of unknown outcome): true when a run is prepared. Set once by the composition root.
     */
    public void carryOnSendWith(Predicate<IncidentState> continuation) {
        sendContinuation = continuation;
    }

    /**
     * The one place where a resumed incident's batches are handed to the Send step. When any batch may have reached
     * the service (sent, or of unknown outcome), the journal first refuses to record a batch as about to be sent, and
     * a batch that is not recorded is not sent; the Send step then prepares a run that leaves out every batch that
     * may have run (one of unknown outcome only on an explicit decision) and lets the journal record batches again.
     * If it prepares none (nothing left, or the user stopped), nothing more is sent from this window. An incident
     * with no batch that may have run sends as a new one would.
     *
     * @return why nothing may be sent, when so
     */
    public Optional<String> resumeSend(IncidentState state) {
        resumedSend.set(state);
        List<BatchState> mayHaveRun = state.batches().stream().filter(BatchState::mayHaveRun).toList();
        if (mayHaveRun.isEmpty()) {
            return Optional.empty();
        }
        // No full stop: whoever shows it may add to the sentence.
        String reason = "Nothing is sent from this window: this incident was resumed from its journal, which records "
                + state.sent().size() + " batch" + (state.sent().size() == 1 ? "" : "es") + " taken by the service and "
                + state.outcomeUnknown().size() + " of unknown outcome, and sending the file again would recluster "
                + "those records again";
        if (incident != null) {
            incident.refuseBatches(reason);
        }
        if (sendContinuation.test(state)) {
            return Optional.empty();
        }
        return Optional.of(reason);
    }

    /** The resumed incident handed to the Send step by {@link #resumeSend}, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<IncidentState> resumedSendProperty() {
        return resumedSend.getReadOnlyProperty();
    }

    /** Writes an entry to the incident's journal in the background, if there is one. */
    public void record(JournalEntry entry) {
        if (incident != null) {
            incident.record(entry);
        }
    }

    /**
     * Stops a recluster run between batches, closes the journal and the replica pool; called once when the window
     * closes.
     */
    public void close() {
        ReclusterMonitor run = recluster.get();
        if (run != null) {
            run.close();
        }
        if (incident != null) {
            incident.close();
        }
        Replica r = replica.get();
        if (r != null) {
            r.close();
        }
    }
}
