package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.util.Objects;

/**
 * What became of one {@code POST /admin/recluster}. The console never sends a request again by itself: only
 * {@link NotSent} is certainly safe to repeat, and {@link Unknown} needs a person to look at the pod's log.
 */
public sealed interface SendOutcome {

    /** 200: the pod has started a run of its own, asynchronously. */
    record Accepted(int status) implements SendOutcome {
    }

    /** The service answered, and not with 2xx: nothing was started. */
    record Rejected(int status, String body) implements SendOutcome {
        public Rejected {
            Objects.requireNonNull(body, "body");
        }
    }

    /** The request never left whole (no connection, or cut while the body was written): the service cannot have it. */
    record NotSent(String reason) implements SendOutcome {
        public NotSent {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The whole body was written, then no answer came (timeout, connection lost): the pod may be reclustering the
     * batch now, or may never have seen it. Only its log can tell.
     */
    record Unknown(String reason) implements SendOutcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
