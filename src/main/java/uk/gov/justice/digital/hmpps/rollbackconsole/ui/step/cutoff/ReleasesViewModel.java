package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReleaseHistory;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReleaseHistoryFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * "From the cluster": the release history of both deployments that can damage clusters (Helm's records of the last
 * 10 deploys merged with the ReplicaSets), read with the user's own kubectl, so that the bad release's start is
 * picked rather than typed, and where that history ends. Picking a release writes its start, in UTC, into the
 * deployment time.
 */
public final class ReleasesViewModel {

    /** The two services whose releases can leave clusters wrong; they share a namespace. */
    public static final List<String> DEPLOYMENTS = List.of("hmpps-person-record", "hmpps-person-match");

    private final WizardSession session;
    private final TaskRunner tasks;
    private final SettingsStore settings;
    private final CutoffStepViewModel cutoff;
    private final java.time.Clock clock;

    private final StringProperty kubectlPath = new SimpleStringProperty(this, "kubectlPath");
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ObservableList<Release> releases = FXCollections.observableArrayList();
    private final ObjectProperty<Release> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerProperty marginMinutes = new SimpleIntegerProperty(this, "marginMinutes", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<Message> historyEnd = new ReadOnlyObjectWrapper<>(this, "historyEnd");
    private final ReadOnlyObjectWrapper<Release> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");

    public ReleasesViewModel(WizardSession session, TaskRunner tasks, SettingsStore settings, CutoffStepViewModel cutoff,
                             java.time.Clock clock) {
        this.clock = clock;
        this.session = session;
        this.tasks = tasks;
        this.settings = settings;
        this.cutoff = cutoff;
        kubectlPath.set(settings.get("kubectl.path", "kubectl"));
        context.set(settings.get("kubectl.context", ""));
        session.environmentProperty().addListener((obs, was, now) -> {
            if (now != null && now.namespace().isPresent()) {
                namespace.set(now.namespace().get());
            }
        });
        marginMinutes.addListener((obs, was, now) -> {
            if (chosen.get() != null) {
                cutoff.textProperty().set(textFor(chosen.get()));
            }
        });
        chosen.addListener((obs, was, now) -> session.badReleaseProperty().set(now));
        // A cutoff typed or picked by other means is no longer this release's.
        cutoff.textProperty().addListener((obs, was, now) -> {
            if (chosen.get() != null && !now.equals(textFor(chosen.get()))) {
                chosen.set(null);
            }
        });
    }

    public void loadContexts() {
        Path kubectl = Path.of(kubectlPath.get().trim());
        busy.set(true);
        message.set(Message.info("Reading the contexts of your kubeconfig\u2026"));
        tasks.run(() -> Kubectl.contexts(kubectl, Kubectl.DEFAULT_TIMEOUT), names -> {
            busy.set(false);
            contexts.setAll(names);
            message.set(names.isEmpty() ? Message.warning("Your kubeconfig has no contexts: log in to the cluster first.") : null);
            if (context.get().isBlank() && names.size() == 1) {
                context.set(names.get(0));
            }
        }, this::failed);
    }

    public void loadReleases() {
        if (context.get() == null || context.get().isBlank() || namespace.get() == null || namespace.get().isBlank()) {
            message.set(Message.error("Choose a context and a namespace first: the console never uses whatever context "
                    + "is current."));
            return;
        }
        Path path = Path.of(kubectlPath.get().trim());
        String ctx = context.get().trim();
        String ns = namespace.get().trim();
        busy.set(true);
        message.set(Message.info("Reading the release history of " + String.join(" and ", DEPLOYMENTS) + " in " + ns + "\u2026"));
        tasks.run(() -> {
            List<ReleaseHistory> all = new ArrayList<>();
            try (Kubectl kubectl = new Kubectl(path, ctx, ns)) {
                for (String deployment : DEPLOYMENTS) {
                    all.add(kubectl.releaseHistory(deployment));
                }
            }
            return all;
        }, histories -> {
            busy.set(false);
            List<Release> list = histories.stream().flatMap(h -> h.releases().stream()).toList();
            releases.setAll(list);
            String ends = String.join("\n", histories.stream().map(ReleaseHistory::end).toList());
            historyEnd.set(histories.stream().allMatch(ReleaseHistory::fromHelm) ? Message.info(ends) : Message.warning(ends));
            settings.put("kubectl.path", path.toString());
            settings.put("kubectl.context", ctx);
            try {
                settings.save();
            } catch (java.io.IOException ignored) {
                // Remembering the context is a convenience.
            }
            session.useClusterTarget();
            keepInIncident(ctx, ns, histories);
            message.set(list.isEmpty() ? Message.warning("No releases found for either deployment in " + ns + ".")
                    : Message.info("Pick the release that caused the damage. Its cutoff is its start: Helm's deploy, or"
                    + " its ReplicaSet's creation if that came first (the moment its first pod could start serving)."));
        }, this::failed);
    }

    /** The history as read goes into the incident's folder, so that a reviewer sees what the lead chose from. */
    private void keepInIncident(String ctx, String ns, List<ReleaseHistory> list) {
        session.incident().ifPresent(incident -> tasks.run(() -> {
            incident.flush();
            var folder = incident.folder();
            if (folder.isEmpty()) {
                return null;
            }
            var written = ReleaseHistoryFile.write(folder.get().resolve("release-history.json"), ctx, ns,
                    clock.instant(), list);
            session.record(new JournalEntry.FileWritten("release history of " + String.join(" and ", DEPLOYMENTS),
                    written.path(), written.sha256()));
            return written;
        }, written -> { }, e -> session.statusProperty().set("The rollout history could not be kept in the incident: "
                + e.getMessage())));
    }

    /** Makes the selected release the bad one: its creation time, less the margin, becomes the deployment time. */
    public void useSelected() {
        Release r = selected.get();
        if (r == null) {
            message.set(Message.error("Select a release in the table first."));
            return;
        }
        cutoff.textProperty().set(textFor(r));
        chosen.set(r);
        if (r.current()) {
            message.set(Message.warning("Revision " + r.revision() + " of " + r.deployment() + " (" + r.tag()
                    + ") is the one running now: the rollback is not live yet (runbook step 2). Roll back first, "
                    + "or pick the release that was replaced."));
        } else {
            message.set(Message.ok("The deployment time is now the start of " + r.deployment() + " revision " + r.revision()
                    + " (" + r.tag() + ")" + (marginMinutes.get() > 0 ? ", less " + marginMinutes.get() + " min" : "") + "."));
        }
    }

    private String textFor(Release r) {
        return r.cutoff(Duration.ofMinutes(Math.max(0, marginMinutes.get()))).toString();
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(Message.error(e instanceof KubectlException k ? k.getMessage() : "kubectl failed: " + e.getMessage()));
    }

    public StringProperty kubectlPathProperty() { return kubectlPath; }
    public StringProperty contextProperty() { return context; }
    public StringProperty namespaceProperty() { return namespace; }
    public ObservableList<String> contexts() { return contexts; }
    public ObservableList<Release> releases() { return releases; }
    public ObjectProperty<Release> selectedProperty() { return selected; }
    public IntegerProperty marginMinutesProperty() { return marginMinutes; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    /** Where each deployment's history ends, and whether Helm's records were read. */
    public ReadOnlyObjectProperty<Message> historyEndProperty() { return historyEnd.getReadOnlyProperty(); }
    /** The release the current deployment time was taken from; null when it was typed. */
    public ReadOnlyObjectProperty<Release> chosenProperty() { return chosen.getReadOnlyProperty(); }
}
