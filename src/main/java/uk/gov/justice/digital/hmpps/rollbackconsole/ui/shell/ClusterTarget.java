package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * The one cluster every step talks to: the kubectl to run, the kubeconfig context and the namespace (and so the
 * environment the namespace implies). Connect's "through the cluster", the Deployment time's "from the cluster" and
 * the Send step each show it; {@link #share} binds their fields to this one value, so changing it in one changes it
 * in all, instead of three copies with three rules for the default namespace.
 */
public final class ClusterTarget {

    private final StringProperty kubectlPath = new SimpleStringProperty(this, "kubectlPath", "");
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final ObjectBinding<Optional<Environment>> environment = Bindings.createObjectBinding(
            () -> Environment.fromNamespace(namespace.get() == null ? "" : namespace.get().trim()), namespace);

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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public StringProperty kubectlPathProperty() { return kubectlPath; }
    public StringProperty contextProperty() { return context; }
    public StringProperty namespaceProperty() { return namespace; }
    /** The environment whose namespace the target names; empty for any other namespace. */
    public ObjectBinding<Optional<Environment>> environment() { return environment; }
}
