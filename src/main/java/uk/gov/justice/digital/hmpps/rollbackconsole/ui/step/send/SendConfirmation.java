package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunEstimate;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan;

/**
 * The question the incident lead answers before anything is sent: where it goes (environment, context, namespace,
 * pod), which file, how many records in how many batches; in prod the namespace typed as well.
 */
final class SendConfirmation {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private SendConfirmation() {
    }

    /**
     * Asks; empty when the lead confirmed, else what to say (nothing was sent).
     *
     * @param plan     what is sent now: its records and batches are this send's
     * @param resuming the incident carried on, or null
     */
    static Optional<Message> ask(DialogService dialogs, Environment env, ReclusterPlan plan, SendCount.Counted counted,
                                 Resumption resuming, double minutesPer500) {
        String ns = plan.namespace();
        String pod = plan.pod();
        if (!dialogs.confirm("Send " + COUNT.format(counted.records()) + " records to pod " + pod + "?",
                question(plan, counted, resuming, minutesPer500), "Send")) {
            return Optional.of(Message.info("Nothing was sent."));
        }
        if (env != null && env.isProduction()) {
            Optional<String> typed = dialogs.ask("Confirm the production namespace", "This sends to PRODUCTION. Type "
                    + "the namespace, " + ns + ", to send " + COUNT.format(counted.records()) + " records to pod " + pod + ".");
            if (typed.isEmpty() || !typed.get().trim().equals(ns)) {
                return Optional.of(Message.error("Nothing was sent: " + (typed.isEmpty() ? "the confirmation was cancelled."
                        : "\u201c" + typed.get().trim() + "\u201d is not the namespace " + ns + ".")));
            }
        }
        return Optional.empty();
    }

    /** @param minutesPer500 the rate assumed for the estimate, as the lead set it or by default */
    static String question(ReclusterPlan plan, SendCount.Counted counted, Resumption resuming, double minutesPer500) {
        return "Environment: " + plan.environment() + "\nContext: " + plan.context() + "\nNamespace: "
                + plan.namespace() + "\nPod: " + plan.pod() + "\nFile: " + plan.file() + "\nRecords: "
                + COUNT.format(counted.records()) + " in " + COUNT.format(counted.batches()) + " batches of up to "
                + COUNT.format(plan.batchSize())
                + "\nTime: about " + RunEstimate.duration(RunEstimate.at(counted.records(), minutesPer500)) + " at "
                + RunEstimate.rate(minutesPer500) + (minutesPer500 == RunEstimate.DEFAULT_MINUTES_PER_500
                ? ", as seen in dev" : ", as set") + " (" + RunEstimate.MINUTES_PER_500 + " in the settings); "
                + "Progress shows the rate measured once the pod logs it"
                + (resuming == null ? "" : "\n\nCarrying on incident " + resuming.state().folder().getFileName()
                + ": only batches " + numbers(counted.numbers()) + " of " + COUNT.format(counted.fileBatches())
                + " are sent; " + (resuming.sent().isEmpty() ? "none was" : "batches " + numbers(resuming.sent())
                + " were") + " sent before and are not sent again.")
                + "\n\nEach batch is sent once, as POST /admin/recluster, and the next only after the pod has logged "
                + "the previous one complete. A batch the pod has started cannot be called back.";
    }

    /** "2, 3, 4". */
    static String numbers(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
