package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.util.List;

import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * Whether the daily {@code recluster-needs-attention} job ran while the recluster did: it reclusters every
 * NEEDS_ATTENTION cluster on any pod, so statistics compared across it moved for it too.
 */
final class JobSection {

    static final String TITLE = "The needs-attention job";

    private JobSection() {
    }

    static ReportDocument.Section during(IncidentState s) {
        if (s.needsAttentionJob().isEmpty()) {
            String why = s.reclusterWindow().isEmpty() ? "No batch was sent, so there was no recluster window."
                    : "Not read: the cluster was not asked after the recluster ran from "
                    + ReportText.utc(s.reclusterWindow().get().from()) + " to "
                    + ReportText.utc(s.reclusterWindow().get().to()) + ".";
            return new ReportDocument.Section(TITLE, List.of(new ReportDocument.Paragraph(why)));
        }
        JournalEntry.NeedsAttentionJobSeen j = s.needsAttentionJob().get();
        String window = "Recluster window: " + ReportText.utc(j.from()) + " to " + ReportText.utc(j.to()) + ".";
        ReportDocument.Block said = switch (j.verdict()) {
            case "RAN", "MAY_HAVE_RUN" -> new ReportDocument.Warning(j.text());
            default -> new ReportDocument.Paragraph(j.text());
        };
        return new ReportDocument.Section(TITLE, List.of(new ReportDocument.Paragraph(window + " " + verdict(j.verdict())),
                said));
    }

    private static String verdict(String v) {
        return switch (v) {
            case "RAN" -> "It ran during the recluster.";
            case "MAY_HAVE_RUN" -> "It may have run during the recluster.";
            case "DID_NOT_RUN" -> "It did not run during the recluster.";
            default -> "Whether it ran during the recluster cannot be told.";
        };
    }
}
