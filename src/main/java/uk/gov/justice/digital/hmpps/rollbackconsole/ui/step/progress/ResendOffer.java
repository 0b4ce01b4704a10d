package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.util.Objects;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;

/**
 * What is left when a pod died in the middle of a run: the records of the batch it died in that its log does not
 * prove reclustered, and every batch after it. Those proven done are not in it, and are never sent again.
 *
 * @param deadPod      the pod that died
 * @param unfinished   the batch it died in, and how many of its records its log proves done
 * @param laterBatches batches after it, never sent
 * @param laterRecords the records in them
 * @param podAlive     the run died or stalled on a pod that is still there: the rest may go to it again
 */
public record ResendOffer(String deadPod, ReclusterRun.Unfinished unfinished, int laterBatches, long laterRecords,
                          boolean podAlive) {

    public ResendOffer {
        Objects.requireNonNull(deadPod, "deadPod");
        Objects.requireNonNull(unfinished, "unfinished");
    }

    /** After the pod itself died: the rest goes to another pod. */
    public ResendOffer(String deadPod, ReclusterRun.Unfinished unfinished, int laterBatches, long laterRecords) {
        this(deadPod, unfinished, laterBatches, laterRecords, false);
    }

    public int batchNumber() {
        return unfinished.batch().number();
    }

    /** The undone rest of the batch the pod died in; empty when its log proves all of it done. */
    public Optional<Batch> rest() {
        return unfinished.rest();
    }

    public int restRecords() {
        return unfinished.batch().size() - unfinished.provenDone();
    }

    public int provenDone() {
        return unfinished.provenDone();
    }

    public long records() {
        return restRecords() + laterRecords;
    }

    public int requests() {
        return (restRecords() > 0 ? 1 : 0) + laterBatches;
    }
}
