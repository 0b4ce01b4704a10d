package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.CommandLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.CurlCommand;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.CommandPane;

/** The commands behind the Progress step: the pod's log as it is followed, and each batch's request. */
public final class ProgressCommands {
    private ProgressCommands() {
    }

    public static String text(ReclusterPlan plan) {
        if (plan == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add("# The pod's log, followed from just before the first batch (with the kubectl chosen in step 5)");
        lines.add(CommandLine.shell(CommandLine.kubectl(Path.of("kubectl"), plan.context(), plan.namespace(),
                List.of("logs", "-f", "pod/" + plan.pod(), "--timestamps", "--since-time=<when Send was pressed>"))));
        lines.add("# Each of the " + plan.batches() + " batches: up to " + plan.batchSize() + " records of " + plan.file()
                .getFileName() + " as the raw JSON body, through the port-forward of step 5");
        lines.add(CommandLine.shell(CurlCommand.recluster(0, Path.of("batch-N.json")))
                .replace("127.0.0.1:0/", "127.0.0.1:<local port>/"));
        return String.join("\n", lines) + "\n";
    }

    public static CommandPane pane(ProgressStepViewModel model) {
        StringBinding text = Bindings.createStringBinding(() -> model.monitorProperty().get() == null ? ""
                : text(model.monitorProperty().get().plan()), model.monitorProperty());
        return new CommandPane("progress-commands", "The commands behind this step",
                "What the console does for each batch, as a terminal would do it.", text);
    }
}
