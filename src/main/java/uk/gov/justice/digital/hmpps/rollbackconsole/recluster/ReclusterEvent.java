package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.util.Objects;

/** What one recluster log message says. {@code item} and {@code count} are the service's own i/N. */
public sealed interface ReclusterEvent {

    /** {@code ADMIN RECLUSTER: Triggered. Number of records: N.} */
    record Triggered(int count) implements ReclusterEvent {
    }

    /** {@code Starting Upsert Person Records, count: N} and its Recluster twin. */
    record Started(Phase phase, int count) implements ReclusterEvent {
    }

    /** {@code Processing ... item: i/N}. */
    record Processing(Phase phase, int item, int count) implements ReclusterEvent {
    }

    /** {@code Skipping ... item: i/N it has been merged}. */
    record SkippedMerged(Phase phase, int item, int count) implements ReclusterEvent {
    }

    /** {@code Error ..., record not found. id: ID item: i/N}. */
    record NotFound(Phase phase, String sourceSystemId, int item, int count) implements ReclusterEvent {
        public NotFound {
            Objects.requireNonNull(sourceSystemId, "sourceSystemId");
        }
    }

    /** {@code ADMIN RECLUSTER: Records Upsert Complete.} */
    record UpsertComplete() implements ReclusterEvent {
    }

    /** {@code ADMIN RECLUSTER: Complete.}: the pod is free for the next batch. */
    record Complete() implements ReclusterEvent {
    }
}
