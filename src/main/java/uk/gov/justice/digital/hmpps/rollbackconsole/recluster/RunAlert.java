package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What the desktop is told when a recluster run needs the lead, who may be on a call or in another window: the run
 * completed, failed, or waits for a decision. Raised once, on the change into such a state; a change of detail within
 * the same state (one more record not found) raises nothing. The text holds the state, counts and the pod only, never
 * anything about a person, since a notification may be shown on a shared screen or kept by the desktop.
 *
 * @param kind  which kind of news
 * @param title the notification's title ("Recluster run failed")
 * @param text  its body ("Run died: ... 4 of 10 records done, on pod hmpps-person-record-...")
 */
public record RunAlert(Kind kind, String title, String text) {

    public enum Kind {
        COMPLETE("Recluster run complete"),
        FAILED("Recluster run failed"),
        DECISION("Recluster run needs a decision");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    /**
     * The alert for a run whose state changed from {@code was} to {@code now}, if that change alerts. A first state
     * seen ({@code was} null, as when an incident is reopened on a run that already ended) is not news.
     *
     * @param done  records known done so far
     * @param total records the run sends
     * @param pod   the pod the run was sent to; blank when not known
     */
    public static Optional<RunAlert> on(RunStatus was, RunStatus now, long done, long total, String pod) {
        if (was == null || now == null || was.kind() == now.kind()) {
            return Optional.empty();
        }
        Kind kind = switch (now.kind()) {
            case COMPLETE, COMPLETE_WITH_EXCEPTIONS -> Kind.COMPLETE;
            case RUN_FAILED -> Kind.FAILED;
            // The pod's death leaves a choice (send the rest to another pod); an unknown outcome waits for one.
            case POD_DIED, OUTCOME_UNKNOWN -> Kind.DECISION;
            // Paused and stopped are the lead's own doing; waiting resolves itself or ends in a failure that alerts.
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(now.line()).append(". ");
        text.append(COUNT.format(Math.min(done, total))).append(" of ").append(COUNT.format(total))
                .append(total == 1 ? " record" : " records").append(" done");
        if (pod != null && !pod.isBlank()) {
            text.append(", on pod ").append(pod);
        }
        return Optional.of(new RunAlert(kind, kind.title(), text.append('.').toString()));
    }
}
