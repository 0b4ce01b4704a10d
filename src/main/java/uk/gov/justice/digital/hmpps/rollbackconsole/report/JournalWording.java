package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.time.Instant;

import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/** The report's wording of journal entries and batches, for screens that show an incident: one wording everywhere. */
public final class JournalWording {

    private JournalWording() {
    }

    /** One line of the timeline: what the entry says happened. */
    public static String describe(JournalEntry entry) {
        return ReportText.oneLine(ReportText.describe(entry));
    }

    /** "sent", "refused by the service", "outcome unknown", "not sent"... */
    public static String outcome(BatchState batch) {
        return ReportText.outcome(batch);
    }

    /** "2025-06-09 12:21:55 UTC"; "unknown" for null. */
    public static String utc(Instant t) {
        return ReportText.utc(t);
    }
}
