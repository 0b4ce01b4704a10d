package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;

/** How the Progress and Send steps name a record of the file, where a run had got to, and a time left. */
public final class RunWording {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private RunWording() {
    }

    /** "#251 DELIUS/X100012": the record's place in the file (from 1), its source system and id. */
    public static String record(long index, RecordKey key) {
        return "#" + COUNT.format(index + 1) + " " + key.sourceSystem().name() + "/" + key.sourceSystemId();
    }

    /** Where a batch's run had got to, as the pod's log last said: "at recluster item 126/250". */
    static String where(ReclusterProgress p) {
        if (p == null) {
            return "before the pod logged anything of it";
        }
        return switch (p.phase()) {
            case WAITING -> "before the pod logged that it had started it";
            case UPSERT -> "at upsert item " + p.upsert().item() + "/" + p.upsert().count();
            case RECLUSTER -> "at recluster item " + p.recluster().item() + "/" + p.recluster().count();
            case COMPLETE -> "after it was complete";
        };
    }

    /** "45 s", "3 min 07 s", "1 h 05 min". */
    static String duration(Duration d) {
        return uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunEstimate.duration(d);
    }
}
