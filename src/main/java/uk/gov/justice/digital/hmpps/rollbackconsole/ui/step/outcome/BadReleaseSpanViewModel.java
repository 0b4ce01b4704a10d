package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BadRelease;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BusinessImpact;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ClusterTarget;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * How long the bad release ran, for the business impact: the release history (Helm's records and the ReplicaSets)
 * read through the session's one cluster target, in the background. The release the lead picked in Deployment time
 * is found again (it has usually ended since); otherwise the one running at the preview's cutoff.
 */
final class BadReleaseSpanViewModel {

    static final String DEPLOYMENT = "hmpps-person-record";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(UK);

    private final WizardSession session;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<BusinessImpact.ReleaseSpan> span = new ReadOnlyObjectWrapper<>(this, "span");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    // The read in flight: closing its kubectl ends the subprocess; the generation tells a late answer from a current one.
    private Kubectl reading;
    private long generation;
    private boolean cancelled;

    BadReleaseSpanViewModel(WizardSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    void read() {
        PreviewSnapshot snapshot = session.previewProperty().get();
        if (snapshot == null) {
            message.set(Message.error("There is no preview, so no cutoff to find the bad release by."));
            return;
        }
        ClusterTarget target = session.clusterTarget();
        String context = trimmed(target.contextProperty().get());
        String namespace = trimmed(target.namespaceProperty().get());
        String kubectl = trimmed(target.kubectlPathProperty().get());
        if (context.isEmpty() || namespace.isEmpty()) {
            span.set(null);
            message.set(Message.warning("How long the bad release ran comes from the cluster's release history, and"
                    + " no cluster is chosen: choose the kubectl context and namespace under Deployment time (From the"
                    + " cluster) or on the Send step, then read again. Until then the report gives the deployment"
                    + " time only."));
            return;
        }
        Release picked = session.badReleaseProperty().get();
        String deployment = picked == null ? DEPLOYMENT : picked.deployment();
        long mine = cancelAndStart();
        Kubectl k = new Kubectl(Path.of(kubectl.isEmpty() ? "kubectl" : kubectl), context, namespace);
        synchronized (this) {
            reading = k;
        }
        running.set(true);
        message.set(Message.info("Reading the release history of " + deployment + " in " + namespace + "\u2026"));
        tasks.run(() -> {
            try (k) {
                List<Release> releases = k.releases(deployment);
                return BadRelease.picked(releases, picked, snapshot.window().cutoff());
            }
        }, found -> {
            if (!ended(mine)) {
                return;
            }
            span.set(found.orElse(null));
            message.set(found.map(s -> describe(s, namespace)).orElseGet(() -> Message.warning("The release running"
                    + " at the cutoff is no longer in the release history of " + deployment + " in " + namespace
                    + " (Helm keeps the last 10 releases): how long it ran is unknown, and the report gives the"
                    + " deployment time only.")));
        }, error -> {
            boolean wasCancelled;
            synchronized (this) {
                wasCancelled = cancelled && generation == mine;
            }
            if (!ended(mine)) {
                return;
            }
            span.set(null);
            message.set(wasCancelled ? Message.warning("Cancelled: the release history was not read.")
                    : Message.error("The release history could not be read, so how long the bad release ran is not"
                    + " known: " + (error instanceof KubectlException e ? e.getMessage() : String.valueOf(error.getMessage()))));
        });
    }

    static Message describe(BusinessImpact.ReleaseSpan s, String namespace) {
        String from = DAY_TIME.format(s.from());
        if (s.until().isEmpty()) {
            return Message.warning("The bad release, " + s.release() + ", went live " + from + " UK time and is still"
                    + " the one running in " + namespace + ": the rollback is not live.");
        }
        String until = DAY_TIME.format(s.until().get()).substring(0, 10).equals(from.substring(0, 10))
                ? TIME.format(s.until().get()) : DAY_TIME.format(s.until().get());
        return Message.info("The bad release, " + s.release() + ", ran " + BusinessImpact.durationText(
                s.duration().orElseThrow()) + ": from " + from + " to " + until + " UK time (release history of "
                + namespace + ").");
    }

    /** Stops a read in flight; what was shown before it stays. */
    void cancel() {
        Kubectl k;
        synchronized (this) {
            k = reading;
            reading = null;
            cancelled = k != null;
        }
        if (k != null) {
            k.close();
        }
    }

    /** Another preview: what was read belongs to the old cutoff. */
    void reset() {
        cancel();
        synchronized (this) {
            generation++;
        }
        running.set(false);
        span.set(null);
        message.set(null);
    }

    private long cancelAndStart() {
        cancel();
        synchronized (this) {
            cancelled = false;
            return ++generation;
        }
    }

    /** True when the answer of read {@code mine} is the one to show. */
    private boolean ended(long mine) {
        synchronized (this) {
            if (generation != mine) {
                return false;
            }
            reading = null;
        }
        running.set(false);
        return true;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }

    Optional<BusinessImpact.ReleaseSpan> current() {
        return Optional.ofNullable(span.get());
    }

    ReadOnlyObjectProperty<BusinessImpact.ReleaseSpan> spanProperty() { return span.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
}
