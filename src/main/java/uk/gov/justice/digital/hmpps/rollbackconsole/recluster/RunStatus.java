package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A recluster run's state as everything that shows it draws it (Progress's headline, colour, bar and controls, the
 * status bar, the window's title): one value, derived in one place from what the run has reported, so no screen can
 * say "Running" while another says the pod is gone.
 *
 * @param kind     which state
 * @param headline the state in a few words, as the big headline shows it
 * @param detail   what qualifies it ("batch 2 treated as done, as decided"); empty when nothing does
 */
public record RunStatus(Kind kind, String headline, String detail) {

    /** How a state is coloured: danger red, a decision or caution amber, success green, a run going neutral. */
    public enum Tone { GOING, DECISION, DANGER, SUCCESS }

    /** What the lead does next, which the screen makes its primary button. */
    public enum Action { NONE, RESUME, SEND_THE_REST, DECIDE }

    public enum Kind {
        RUNNING(Tone.GOING, true),
        WAITING_FOR_FORWARD(Tone.DECISION, true),
        WAITING_FOR_OTHER_RUN(Tone.DECISION, true),
        PAUSED(Tone.DECISION, true),
        STOPPING(Tone.DECISION, true),
        /** The pod's log ended before the run did: the pod is gone, and its work with it. */
        POD_DIED(Tone.DANGER, false),
        /** The run died or stalled on a healthy pod, was refused, or could not be sent. */
        RUN_FAILED(Tone.DANGER, false),
        /** A batch was sent and no answer came: a person decides whether it ran. */
        OUTCOME_UNKNOWN(Tone.DECISION, false),
        STOPPED(Tone.DECISION, false),
        COMPLETE(Tone.SUCCESS, false),
        /** Every batch done, but some records were skipped or not found, or a batch's run was not seen. */
        COMPLETE_WITH_EXCEPTIONS(Tone.DECISION, false);

        private final Tone tone;
        private final boolean going;

        Kind(Tone tone, boolean going) {
            this.tone = tone;
            this.going = going;
        }

        public Tone tone() {
            return tone;
        }

        /** The run is still sending or may send again by itself: pause and stop apply. */
        public boolean going() {
            return going;
        }

        /** Records may be left that are not known to be reclustered. */
        public boolean recordsLeft() {
            return this != COMPLETE && this != COMPLETE_WITH_EXCEPTIONS;
        }
    }

    /** Where a going run is waiting, as its notices say. */
    public enum Waiting { NONE, FORWARD, OTHER_RUN }

    /**
     * What the run has reported so far, on which its state depends.
     *
     * @param ending         how the run ended; null while it goes
     * @param podGone        the pod's log or its port-forward says the pod is gone
     * @param restOffered    the rest of an ended run is offered to a pod
     * @param undecided      a batch of unknown outcome awaits a decision
     * @param batchesNotSeen batches counted as done, as decided, without their run seen in the log
     */
    public record Facts(boolean paused, boolean stopping, ReclusterRun.Ending ending, Waiting waiting, boolean podGone,
                        boolean restOffered, boolean undecided, long skippedMerged, long notFound,
                        List<Integer> batchesNotSeen) {
        public Facts {
            Objects.requireNonNull(waiting, "waiting");
            batchesNotSeen = List.copyOf(batchesNotSeen);
        }
    }

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    public RunStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
    }

    public Tone tone() {
        return kind.tone();
    }

    /** The action the screen leads with in this state. */
    public Action action(boolean restOffered, boolean undecided) {
        return switch (kind) {
            case PAUSED -> Action.RESUME;
            case POD_DIED, RUN_FAILED -> restOffered ? Action.SEND_THE_REST : Action.NONE;
            case OUTCOME_UNKNOWN -> undecided ? Action.DECIDE : Action.NONE;
            default -> Action.NONE;
        };
    }

    /** "Run died", or "Complete, with exceptions: 3 not found". */
    public String line() {
        return detail.isEmpty() ? headline : headline + ": " + detail;
    }

    public static RunStatus of(Facts f) {
        if (f.ending() == null) {
            if (f.podGone()) {
                return new RunStatus(Kind.POD_DIED, "Pod died", "its log has ended");
            }
            if (f.stopping()) {
                return new RunStatus(Kind.STOPPING, "Stopping", "no further batch is sent");
            }
            if (f.paused()) {
                return new RunStatus(Kind.PAUSED, "Paused", "no further batch is sent until you resume");
            }
            return switch (f.waiting()) {
                case FORWARD -> new RunStatus(Kind.WAITING_FOR_FORWARD, "Waiting for the port-forward",
                        "the next batch goes once it is back and healthy");
                case OTHER_RUN -> new RunStatus(Kind.WAITING_FOR_OTHER_RUN, "Waiting for another run",
                        "another recluster run is going on the pod");
                case NONE -> new RunStatus(Kind.RUNNING, "Running", "");
            };
        }
        return switch (f.ending()) {
            case COMPLETE -> complete(f);
            case STOPPED -> new RunStatus(Kind.STOPPED, "Stopped", "as asked; records are left to send");
            case OUTCOME_UNKNOWN -> new RunStatus(Kind.OUTCOME_UNKNOWN, "Outcome unknown",
                    f.undecided() ? "decide about the batch whose answer never came" : "");
            case LOG_ENDED -> new RunStatus(Kind.POD_DIED, "Pod died", "its log ended before the run was complete");
            case DIED -> new RunStatus(Kind.RUN_FAILED, "Run died", "the service's run ended with an exception");
            case STALLED -> new RunStatus(Kind.RUN_FAILED, "Run stalled", "the pod logged nothing of the run");
            case REJECTED -> new RunStatus(Kind.RUN_FAILED, "Rejected", "the service refused a batch");
            case FORWARD_LOST -> new RunStatus(Kind.RUN_FAILED, "Port-forward lost",
                    "it was not back within the wait");
            case FAILED -> new RunStatus(Kind.RUN_FAILED, "Failed", "");
        };
    }

    private static RunStatus complete(Facts f) {
        List<String> parts = new ArrayList<>();
        if (f.skippedMerged() > 0) {
            parts.add(COUNT.format(f.skippedMerged()) + " skipped (merged)");
        }
        if (f.notFound() > 0) {
            parts.add(COUNT.format(f.notFound()) + " not found");
        }
        List<Integer> notSeen = f.batchesNotSeen();
        if (!notSeen.isEmpty()) {
            parts.add((notSeen.size() == 1 ? "batch " : "batches ") + String.join(", ",
                    notSeen.stream().map(String::valueOf).toList()) + " counted as done without "
                    + (notSeen.size() == 1 ? "its" : "their") + " run seen");
        }
        if (parts.isEmpty()) {
            return new RunStatus(Kind.COMPLETE, "Complete", "");
        }
        return new RunStatus(Kind.COMPLETE_WITH_EXCEPTIONS, "Complete, with exceptions", String.join("; ", parts));
    }
}
