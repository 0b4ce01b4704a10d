package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.CommandLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.CurlCommand;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.CommandPane;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;

/**
 * The kubectl and curl commands the Send step runs, with this step's kubectl, context, namespace, pod, local port
 * and file filled in: the same argument lists the console passes (see {@link CommandLine}, {@link CurlCommand}).
 */
public final class SendCommands {

    /** What kubectl's label selector is, before the deployment has been read. */
    static final String SELECTOR_UNKNOWN = "<the deployment's spec.selector>";

    private SendCommands() {
    }

    /** Everything a command needs; anything not known yet is shown as what it stands for, in angle brackets. */
    public static String text(String kubectlPath, String context, String namespace, PodInfo pod, PortForward.State forward,
                              ExportResult file, String batchSize) {
        return text(kubectlPath, context, namespace, pod, forward, file, batchSize, "", null, null);
    }

    /**
     * @param selector   the deployment's label selector as read, or empty before it has been
     * @param forwardRun the port-forward's command line as it runs, or null before one is started
     * @param logsRun    the log follow's command line as it runs, or null before Send is pressed
     */
    public static String text(String kubectlPath, String context, String namespace, PodInfo pod, PortForward.State forward,
                              ExportResult file, String batchSize, String selector, List<String> forwardRun,
                              List<String> logsRun) {
        Path kubectl = Path.of(blank(kubectlPath) ? "kubectl" : kubectlPath.strip());
        String ctx = blank(context) ? "<context>" : context.strip();
        String ns = blank(namespace) ? "<namespace>" : namespace.strip();
        String podName = pod == null ? "<pod>" : pod.name();
        List<String> lines = new ArrayList<>();
        lines.add("# The deployment: its image (is the rollback live?) and its label selector");
        lines.add(CommandLine.shell(CommandLine.kubectl(kubectl, ctx, ns,
                CommandLine.getJson("deployment", ReclusterStepViewModel.DEPLOYMENT))));
        lines.add("# Its pods (running and ready ones are offered)");
        lines.add(CommandLine.shell(CommandLine.kubectl(kubectl, ctx, ns,
                CommandLine.pods(blank(selector) ? SELECTOR_UNKNOWN : selector))));
        boolean up = forward != null && forward.status() == PortForward.Status.UP;
        if (forwardRun != null) {
            lines.add("# The port-forward" + (up ? ": kubectl picked local port " + forward.localPort()
                    : " (local port 0: kubectl picks a free one and prints it)"));
            lines.add(CommandLine.shell(forwardRun));
        } else {
            lines.add("# The port-forward (local port 0: kubectl picks a free one and prints it)");
            lines.add(CommandLine.shell(CommandLine.kubectl(kubectl, ctx, ns,
                    CommandLine.portForward(podName, PortForward.Options.DEFAULT.remotePort()))));
        }
        if (logsRun != null) {
            lines.add("# The pod's log, followed from a second before Send was pressed");
            lines.add(CommandLine.shell(logsRun));
        } else {
            lines.add("# The pod's log, followed from just before the first batch");
            lines.add(CommandLine.shell(CommandLine.kubectl(kubectl, ctx, ns, List.of("logs", "-f", "pod/" + podName,
                    "--timestamps", "--since-time=<when Send is pressed, less a second>"))));
        }
        int port = up ? forward.localPort() : 0;
        Path body = file == null ? Path.of("<file>") : file.file();
        String request = CommandLine.shell(CurlCommand.recluster(port, body));
        if (!up) {
            request = request.replace("127.0.0.1:0/", "127.0.0.1:<local port>/");
        }
        lines.add("# The recluster, the whole file in one request (the console sends it in batches of "
                + (blank(batchSize) ? "500" : batchSize.strip()) + " records, each body a JSON array of them");
        lines.add("# with only the fields the endpoint reads, and waits for the pod's \"ADMIN RECLUSTER: Complete.\""
                + " before the next)");
        lines.add(request);
        return String.join("\n", lines) + "\n";
    }

    public static StringBinding binding(ReclusterStepViewModel model) {
        ObservableValue<ReclusterRun> run = model.runProperty().flatMap(ReclusterMonitor::runProperty);
        return Bindings.createStringBinding(() -> text(model.kubectlPathProperty().get(), model.contextProperty().get(),
                        model.namespaceProperty().get(), model.selectedPodProperty().get(), model.forwardStateProperty().get(),
                        model.exportProperty().get(), model.batchSizeProperty().get(),
                        model.deploymentSelectorProperty().get(), model.forwardCommandProperty().get(),
                        run.getValue() == null ? null : run.getValue().log().command()),
                model.kubectlPathProperty(), model.contextProperty(), model.namespaceProperty(), model.selectedPodProperty(),
                model.forwardStateProperty(), model.exportProperty(), model.batchSizeProperty(),
                model.deploymentSelectorProperty(), model.forwardCommandProperty(), run);
    }

    /** The folded pane for the Send step. */
    public static CommandPane pane(ReclusterStepViewModel model) {
        return new CommandPane("send-commands", "The commands this step runs",
                "Your kubectl with the context and namespace above, and the HTTP request, as a terminal would run them.",
                binding(model));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
