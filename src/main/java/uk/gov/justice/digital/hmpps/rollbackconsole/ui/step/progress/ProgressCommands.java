package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.CommandLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.CurlCommand;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.CommandPane;

/**
 * The commands behind the Progress step, read from the run as it goes: the log follow's own command line (its
 * kubectl, context, namespace, pod and since-time) and the request at the port-forward's present local port.
 */
public final class ProgressCommands {

    /** What the local port is while the port-forward is down. */
    static final String PORT_DOWN = "<local port: the port-forward is not up>";

    private ProgressCommands() {
    }

    /**
     * @param logsRun the log follow's command line, executable first
     * @param service where the batches go now, empty while the port-forward is not up
     */
    public static String text(ReclusterPlan plan, List<String> logsRun, Optional<URI> service) {
        if (plan == null || logsRun == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add("# The pod's log, followed from a second before the run's first batch");
        lines.add(CommandLine.shell(logsRun));
        lines.add("# The recluster: the records of " + plan.file().getFileName() + " as the raw JSON body, here in one"
                + " request; the console sends them in " + (plan.batches() == 1 ? "1 batch" : plan.batches() + " batches")
                + " of up to " + plan.batchSize() + ",");
        lines.add("# each the next slice of the file's array, and waits for the pod's \"ADMIN RECLUSTER: Complete.\""
                + " before the next");
        String request = CommandLine.shell(CurlCommand.recluster(service.map(URI::getPort).orElse(0), plan.file()));
        lines.add(service.isPresent() ? request : request.replace("127.0.0.1:0/", "127.0.0.1:" + PORT_DOWN + "/"));
        return String.join("\n", lines) + "\n";
    }

    public static String text(ReclusterMonitor monitor) {
        if (monitor == null) {
            return "";
        }
        ReclusterRun run = monitor.runProperty().get();
        return run == null ? "" : text(monitor.plan(), run.log().command(), run.service());
    }

    /**
     * Recomputed when the run changes (a resend to another pod starts a new one) and when the port-forward's state
     * changes (a reconnect takes a new local port).
     */
    static StringBinding binding(ProgressStepViewModel model) {
        ObservableValue<ReclusterRun> run = model.monitorProperty().flatMap(ReclusterMonitor::runProperty);
        ObservableValue<?> connection = model.monitorProperty().flatMap(ReclusterMonitor::connectionProperty);
        ObservableValue<?> state = model.monitorProperty().flatMap(ReclusterMonitor::stateProperty);
        return Bindings.createStringBinding(() -> text(model.monitorProperty().get()), model.monitorProperty(), run,
                connection, state);
    }

    public static CommandPane pane(ProgressStepViewModel model) {
        return new CommandPane("progress-commands", "The commands behind this step",
                "What the console runs and sends, with the values of this run, as a terminal would do it.",
                binding(model));
    }
}
