package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.NeedsAttentionJob;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RollbackLiveCheck;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * "Is the rollback live?" on the Send step: runs {@link RollbackLiveCheck} with the step's kubectl, context and
 * namespace against the bad release picked at the Deployment time step, and journals what it found. In prod a send
 * waits for a passing check, or for the lead to type why it goes anyway (journalled).
 */
public final class RollbackLiveViewModel {

    private final WizardSession session;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ObservableStringValue kubectlPath;
    private final ObservableStringValue context;
    private final ObservableStringValue namespace;
    private final java.util.function.LongSupplier recordsToSend;

    private final ReadOnlyObjectWrapper<RollbackLiveCheck.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper overridden = new ReadOnlyBooleanWrapper(this, "overridden");
    private final StringProperty overrideReason = new SimpleStringProperty(this, "overrideReason", "");
    private final BooleanBinding blocksSend;

    /** @param recordsToSend how many records the send holds, for its estimated duration */
    public RollbackLiveViewModel(WizardSession session, TaskRunner tasks, Clock clock, ObservableStringValue kubectlPath,
                                 ObservableStringValue context, ObservableStringValue namespace,
                                 java.util.function.LongSupplier recordsToSend) {
        this.recordsToSend = recordsToSend;
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.kubectlPath = kubectlPath;
        this.context = context;
        this.namespace = namespace;
        blocksSend = Bindings.createBooleanBinding(() -> environment() == Environment.PROD && !overridden.get()
                && (result.get() == null || !result.get().passed()), result, overridden, namespace,
                session.environmentProperty());
        // A check belongs to one bad release and one namespace.
        session.badReleaseProperty().addListener((obs, was, now) -> reset());
        namespace.addListener((obs, was, now) -> reset());
    }

    public void check() {
        String ctx = context.get();
        String ns = namespace.get() == null ? "" : namespace.get().trim();
        if (ctx == null || ctx.isBlank() || ns.isEmpty()) {
            message.set(Message.error("Choose the context and namespace above first."));
            return;
        }
        Path exe = Path.of(kubectlPath.get() == null || kubectlPath.get().isBlank() ? "kubectl" : kubectlPath.get().trim());
        var bad = Optional.ofNullable(session.badReleaseProperty().get());
        Environment env = environment();
        // The job's run is weighed against the send's estimated duration, never less than one batch's.
        var estimated = NeedsAttentionJob.estimate(Math.max(500, recordsToSend.getAsLong()));
        busy.set(true);
        message.set(Message.info("Reading hmpps-person-record and hmpps-person-match in " + ns + "\u2026"));
        tasks.run(() -> {
            try (Kubectl k = new Kubectl(exe, ctx.trim(), ns)) {
                return RollbackLiveCheck.run(k, bad, env, clock.instant(), estimated);
            }
        }, r -> {
            busy.set(false);
            result.set(r);
            overridden.set(false);
            journal(new JournalEntry.Decision(DecisionKind.NOTE, null, r.journalText(ns)));
            message.set(r.passed() ? Message.ok("The rollback is live as far as the cluster shows.")
                    : r.asleep() ? Message.warning("The deployment is asleep: nothing can be sent until it is up.")
                    : env == Environment.PROD ? Message.error("Not shown live. In prod the send waits until the check"
                    + " passes, or until you type why it must go anyway.")
                    : Message.warning("Not shown live: an item above is not proven (? or \u2717). Read its facts,"
                    + " and compare them with the bad release yourself, before sending."));
        }, e -> {
            busy.set(false);
            message.set(Message.error(e instanceof KubectlException k ? k.getMessage() : "The check failed: " + e.getMessage()));
        });
    }

    /** Lets a prod send go despite a failed check, for the reason typed, which the journal keeps. */
    public void override() {
        String reason = overrideReason.get() == null ? "" : overrideReason.get().strip();
        if (reason.isEmpty()) {
            message.set(Message.error("Type why the send must go although the rollback is not shown live."));
            return;
        }
        journal(new JournalEntry.Decision(DecisionKind.CONTINUE_DESPITE_WARNING, null,
                RollbackLiveCheck.Result.overrideText(reason)));
        overridden.set(true);
        message.set(Message.warning("The send may go; the reason is in the journal: " + reason));
    }

    // A file reviewed offline is sent without a connection, so its incident may not have started yet: a check (and
    // an override) is part of it, as the send is, in the namespace's environment.
    private void journal(JournalEntry entry) {
        Environment env = environment();
        session.incident().ifPresent(incident -> incident.start(env == null ? Environment.LOCAL : env));
        session.useClusterTarget();
        session.record(entry);
    }

    private void reset() {
        result.set(null);
        overridden.set(false);
        message.set(null);
    }

    // Where the send goes decides: the namespace's environment, else the replica's.
    private Environment environment() {
        return Environment.fromNamespace(namespace.get() == null ? "" : namespace.get().trim())
                .orElse(session.environmentProperty().get());
    }

    public ReadOnlyObjectProperty<RollbackLiveCheck.Result> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty overriddenProperty() { return overridden.getReadOnlyProperty(); }
    public StringProperty overrideReasonProperty() { return overrideReason; }
    /** True in prod until the check passes or is overridden with a reason. */
    public BooleanBinding blocksSend() { return blocksSend; }
    /** Prod, checked, and not passed: the reason field is offered. */
    public BooleanBinding overrideOffered() {
        return Bindings.createBooleanBinding(() -> environment() == Environment.PROD && result.get() != null
                && !result.get().passed() && !overridden.get(), result, overridden, namespace, session.environmentProperty());
    }
}
