package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.io.IOException;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * The one cluster every step talks to: the kubectl to run, the kubeconfig context and the namespace (and so the
 * environment the namespace implies). Connect's "through the cluster", the Deployment time's "from the cluster" and
 * the Send step each show it; {@link #share} binds their fields to this one value, so changing it in one changes it
 * in all, instead of three copies with three rules for the default namespace.
 */
public final class ClusterTarget {

    /**
     * The target as the settings file keeps it between runs (the keys the steps have always used), so the next start
     * offers it. Blank values are kept as empty strings.
     */
    public record Remembered(String kubectl, String context, String namespace) {
        public static final String KUBECTL = "kubectl.path";
        public static final String CONTEXT = "kubectl.context";
        public static final String NAMESPACE = "kubectl.namespace";

        public Remembered {
            kubectl = kubectl == null ? "" : kubectl.strip();
            context = context == null ? "" : context.strip();
            namespace = namespace == null ? "" : namespace.strip();
        }

        public static Remembered read(SettingsStore settings) {
            return new Remembered(settings.get(KUBECTL, "kubectl"), settings.get(CONTEXT, ""),
                    settings.get(NAMESPACE, ""));
        }

        /** Puts the values in the store and writes it (temporary file, then rename). */
        public void write(SettingsStore settings) throws IOException {
            settings.put(KUBECTL, kubectl);
            settings.put(CONTEXT, context);
            settings.put(NAMESPACE, namespace);
            settings.save();
        }
    }

    private final StringProperty kubectlPath = new SimpleStringProperty(this, "kubectlPath", "");
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final ObjectBinding<Optional<Environment>> environment = Bindings.createObjectBinding(
            () -> Environment.fromNamespace(namespace.get() == null ? "" : namespace.get().trim()), namespace);
    private SettingsStore settings;

    /**
     * Makes a step's fields show and change this target. A field that already holds a value the target lacks gives
     * it (the first step to know the namespace, say); after that the target's value is everyone's.
     */
    public void share(StringProperty stepKubectl, StringProperty stepContext, StringProperty stepNamespace) {
        shareOne(stepKubectl, kubectlPath);
        shareOne(stepContext, context);
        shareOne(stepNamespace, namespace);
    }

    private static void shareOne(StringProperty step, StringProperty target) {
        if (blank(target.get()) && !blank(step.get())) {
            target.set(step.get());
        }
        step.bindBidirectional(target);
    }

    /**
     * Offers the target the settings remember (where this one has no value yet), and keeps {@code store} to remember
     * the target in whenever it is used ({@link #remember}).
     */
    public void rememberIn(SettingsStore store) {
        settings = store;
        Remembered r = Remembered.read(store);
        fill(kubectlPath, r.kubectl());
        fill(context, r.context());
        fill(namespace, r.namespace());
    }

    private static void fill(StringProperty p, String value) {
        if (blank(p.get()) && !blank(value)) {
            p.set(value);
        }
    }

    /** Writes the target to the settings given to {@link #rememberIn}, if any; a failure costs only typing. */
    public void remember() {
        if (settings == null) {
            return;
        }
        try {
            new Remembered(kubectlPath.get(), context.get(), namespace.get()).write(settings);
        } catch (IOException e) {
            // Remembering the target is a convenience; the incident goes on.
        }
    }

    /** Sets all three, as a resumed incident's journal gives them back. */
    public void set(String kubectl, String ctx, String ns) {
        kubectlPath.set(kubectl);
        context.set(ctx);
        namespace.set(ns);
    }

    /** The target as the journal keeps it; empty until a context and a namespace are chosen. */
    public Optional<JournalEntry.ClusterTargetSet> entry() {
        if (blank(context.get()) || blank(namespace.get())) {
            return Optional.empty();
        }
        String exe = blank(kubectlPath.get()) ? "kubectl" : kubectlPath.get().strip();
        return Optional.of(JournalEntry.ClusterTargetSet.of(exe, context.get().strip(), namespace.get().strip()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public StringProperty kubectlPathProperty() { return kubectlPath; }
    public StringProperty contextProperty() { return context; }
    public StringProperty namespaceProperty() { return namespace; }
    /** The environment whose namespace the target names; empty for any other namespace. */
    public ObjectBinding<Optional<Environment>> environment() { return environment; }
}
